using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// `ip -s link`, `ip -s -s link`, `ip -s -d link` (sos: sos_commands/networking/ip_-s_-d_link) and `ip link show DEV`
/// (iproute2 ip/ipaddress.c print_linkinfo, print_stats64). Each interface is a "N: name[@peer]: &lt;FLAGS&gt; mtu M … state S
/// … qlen Q" line, then indented lines; the counters come in header/value line pairs whose header names the columns,
/// and the names changed over the years: "RX: bytes packets errors dropped overrun mcast" until iproute2 5.9, "RX: bytes
/// packets errors dropped missed mcast" since; -s -s adds "RX errors: length crc frame fifo missed|overrun [nohandler]
/// [otherhost]" and "TX errors: aborted fifo window heartbeat|heartbt [transns]"; "compressed" appears only when non-zero.
/// So every value is read by the name above it and stored under the kernel's statistics name (rx_over_errors,
/// rx_missed_errors, …), and the /proc/net/dev-style fields are derived only when all their parts were printed:
/// drop = rx_dropped + rx_missed_errors, frame = length + over + crc + frame errors, carrier = carrier + aborted + window +
/// heartbeat errors. Human-readable values (-h, "21.6k") are not exact and stay unknown. A VF's statistics ("RX: bytes
/// packets mcast bcast", under a "vf N" line) belong to the VF, not the interface, and are not read. Other indented
/// lines (link/ether, -d details, altname, addresses) hold nothing this model keeps.
/// </summary>
public sealed partial class IpLinkStatsParser : IInputParser
{
    public string Kind => "ip -s link";

    [GeneratedRegex(@"^(?<index>\d+):\s+(?<name>[^\s:@]+)(?:@(?<peer>[^\s:]+))?:\s+<(?<flags>[^>]*)>(?<rest>.*)$")]
    private static partial Regex LinkLine();

    private static readonly ImmutableDictionary<string, string> RxNames = new Dictionary<string, string>
    {
        ["bytes"] = "rx_bytes", ["packets"] = "rx_packets", ["errors"] = "rx_errors", ["dropped"] = "rx_dropped",
        ["overrun"] = "rx_over_errors", ["missed"] = "rx_missed_errors", ["mcast"] = "multicast", ["compressed"] = "rx_compressed",
        ["length"] = "rx_length_errors", ["crc"] = "rx_crc_errors", ["frame"] = "rx_frame_errors", ["fifo"] = "rx_fifo_errors",
        ["nohandler"] = "rx_nohandler", ["otherhost"] = "rx_otherhost_dropped",
    }.ToImmutableDictionary();

    private static readonly ImmutableDictionary<string, string> TxNames = new Dictionary<string, string>
    {
        ["bytes"] = "tx_bytes", ["packets"] = "tx_packets", ["errors"] = "tx_errors", ["dropped"] = "tx_dropped",
        ["carrier"] = "tx_carrier_errors", ["collsns"] = "collisions", ["compressed"] = "tx_compressed",
        ["aborted"] = "tx_aborted_errors", ["fifo"] = "tx_fifo_errors", ["window"] = "tx_window_errors",
        ["heartbeat"] = "tx_heartbeat_errors", ["heartbt"] = "tx_heartbeat_errors", ["transns"] = "carrier_changes",
    }.ToImmutableDictionary();

    public int Confidence(string text)
    {
        int links = 0, stats = 0, other = 0;
        foreach (var line in Lines(text).Take(400))
        {
            if (line.Text.Trim().Length == 0 || CommandEcho.IsEcho(line.Text))
                continue;
            if (LinkLine().IsMatch(line.Text))
                links++;
            else if (char.IsWhiteSpace(line.Text[0]))
                stats += line.Text.TrimStart().StartsWith("RX:", StringComparison.Ordinal) ? 1 : 0;
            else if (!line.IsUnterminatedLast)
                other++;
        }
        if (links == 0 || other > links / 10)
            return 0;
        return stats > 0 ? 95 : 80;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        Link? link = null;
        bool orphan = false;
        var lines = Lines(text);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Text.Trim().Length == 0)
                continue;
            if (CommandEcho.IsEcho(line.Text))
            {
                CommandEcho.Note(sample, path, line);
                continue;
            }
            if (LinkLine().Match(line.Text) is { Success: true } m)
            {
                orphan = false;
                Flush(link, sample);
                link = new Link(m.Groups["name"].Value, path, line.Number, m.Groups["rest"].Value);
                continue;
            }
            if (orphan && char.IsWhiteSpace(line.Text[0]))
                continue;                                   // noted once where the interface line went missing
            if (link is null || !char.IsWhiteSpace(line.Text[0]))
            {
                InputNotes.Skipped(sample, path, line, "not an `ip link` line (no 'N: name: <FLAGS>' line before it)");
                continue;
            }
            var t = line.Text.Trim();
            link.LastLine = line.Number;
            bool rx = t.StartsWith("RX:", StringComparison.Ordinal) || t.StartsWith("RX errors:", StringComparison.Ordinal);
            bool tx = t.StartsWith("TX:", StringComparison.Ordinal) || t.StartsWith("TX errors:", StringComparison.Ordinal);
            var names = rx || tx ? t[(t.IndexOf(':') + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
            // A second link/ line, or a second block of the same statistics, belongs to another interface whose
            // "N: name:" line is missing (a paste that lost a line): reading on would give its counters to this one.
            bool vf = names.Contains("bcast") || t.StartsWith("vf ", StringComparison.Ordinal);
            if (!vf && (t.StartsWith("link/", StringComparison.Ordinal) && !link.LinkLayerSeen.TrySet()
                        || (rx || tx) && !link.Blocks.Add(t[..t.IndexOf(':')])))
            {
                Flush(link, sample);
                InputNotes.Skipped(sample, path, line,
                    $"a second '{t.Split(' ')[0]}' under {link.Name}: the 'N: name: <FLAGS>' line of the next interface is missing, so the lines up to the next interface line are not read");
                link = null;
                orphan = true;
                continue;
            }
            if (!rx && !tx)
                continue;
            if (i + 1 >= lines.Count || lines[i + 1].Text.Trim().Length == 0 || LinkLine().IsMatch(lines[i + 1].Text))
            {
                InputNotes.Info(sample, path, line.Number, $"'{t}' has no line of values after it; those counters of {link.Name} are unknown");
                continue;
            }
            var values = lines[++i];
            link.LastLine = values.Number;
            if (names.Contains("bcast"))
            {
                InputNotes.Info(sample, path, line.Number, $"statistics of a VF of {link.Name}, not of the interface; not read");
                continue;
            }
            Read(link, names, values, rx ? RxNames : TxNames, path, sample);
        }
        Flush(link, sample);
    }

    private static void Read(Link link, string[] names, InputLine values, ImmutableDictionary<string, string> map, string path, SampleBuilder sample)
    {
        var words = values.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int usable = Math.Min(words.Length, names.Length);
        if (words.Length < names.Length)
        {
            if (values.IsUnterminatedLast)
            {
                usable = Math.Max(0, usable - 1);   // the last number may be cut short too
                InputNotes.Truncated(sample, path, values, $"{words.Length} of {names.Length} values of {link.Name}");
            }
            else
                InputNotes.Info(sample, path, values.Number, $"{link.Name}: {words.Length} values under {names.Length} names; {string.Join(", ", names[usable..])} unknown");
        }
        else if (words.Length > names.Length)
            InputNotes.Info(sample, path, values.Number, $"{link.Name}: {words.Length} values under {names.Length} names; the last {words.Length - names.Length} are not read");
        for (int k = 0; k < usable; k++)
        {
            if (!map.TryGetValue(names[k], out var stat))
            {
                InputNotes.Info(sample, path, values.Number, $"{link.Name}: column '{names[k]}' is not known; its value {words[k]} is not read");
                continue;
            }
            if (long.TryParse(words[k], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                link.Stats[stat] = v;
            else
                InputNotes.Info(sample, path, values.Number, $"{link.Name}: {names[k]} is '{words[k]}', not an exact count (-h output?); recorded as unknown");
        }
    }

    private static void Flush(Link? link, SampleBuilder sample)
    {
        if (link is null)
            return;
        // `ip -s link` prints an RX and a TX block for every interface: one missing (a paste cut after it, or `ip
        // link` without -s) leaves those counters unknown, which is said where the interface's lines end.
        var missing = new[] { "RX", "TX" }.Where(b => !link.Blocks.Contains(b)).ToList();
        if (missing.Count > 0)
            InputNotes.Info(sample, link.Path, link.LastLine,
                $"{link.Name} has no {string.Join(" or ", missing)} statistics lines (the paste may stop before them, or `ip link` ran without -s): those counters are unknown");
        var s = link.Stats;
        long? Get(string name) => s.TryGetValue(name, out var v) ? v : null;
        long? Sum(params string[] parts) => parts.All(s.ContainsKey) ? parts.Sum(p => s[p]) : null;
        var statistics = s.Where(p => p.Key != "carrier_changes").ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        sample.Interfaces.RemoveAll(x => x.Name == link.Name);
        sample.Interfaces.Add(new InterfaceInfo
        {
            Name = link.Name,
            RxBytes = Get("rx_bytes"), RxPackets = Get("rx_packets"), RxErrors = Get("rx_errors"),
            RxDropped = Sum("rx_dropped", "rx_missed_errors"),
            RxFifo = Get("rx_fifo_errors"),
            RxFrame = Sum("rx_length_errors", "rx_over_errors", "rx_crc_errors", "rx_frame_errors"),
            RxCompressed = Get("rx_compressed"), RxMulticast = Get("multicast"),
            TxBytes = Get("tx_bytes"), TxPackets = Get("tx_packets"), TxErrors = Get("tx_errors"), TxDropped = Get("tx_dropped"),
            TxFifo = Get("tx_fifo_errors"), TxCollisions = Get("collisions"),
            TxCarrier = Sum("tx_carrier_errors", "tx_aborted_errors", "tx_window_errors", "tx_heartbeat_errors"),
            TxCompressed = Get("tx_compressed"),
            Mtu = link.Word("mtu") is { } mtu && int.TryParse(mtu, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null,
            OperState = link.Word("state"),
            TxQueueLen = link.Word("qlen") is { } q && long.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var ql) ? ql : null,
            Statistics = statistics,
            Source = link.Source,
        });
        sample.Capabilities.Add(SnapshotCapability.Interfaces);
    }

    /// <summary>Lines, with `ip -o` one-line records ("… \    RX: … \    840 10 …") split at their backslashes.</summary>
    private static List<InputLine> Lines(string text)
    {
        var result = new List<InputLine>();
        foreach (var line in InputLine.Split(text))
        {
            if (!line.Text.Contains(" \\ ", StringComparison.Ordinal) && !line.Text.Contains("\\    ", StringComparison.Ordinal))
            {
                result.Add(line);
                continue;
            }
            var parts = line.Text.Split('\\');
            for (int p = 0; p < parts.Length; p++)
                result.Add(new InputLine(line.Number, p == 0 ? parts[p].TrimEnd() : "    " + parts[p].Trim(), line.IsUnterminatedLast && p == parts.Length - 1));
        }
        return result;
    }

    /// <summary>A flag that is set once: <see cref="TrySet"/> is true the first time only.</summary>
    private sealed class Once
    {
        private bool _set;

        public bool TrySet()
        {
            if (_set)
                return false;
            _set = true;
            return true;
        }
    }

    private sealed class Link(string name, string path, int line, string rest)
    {
        private readonly string[] _words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        public string Name { get; } = name;
        public string Path { get; } = path;
        public string Source { get; } = $"{path}:{line}";

        /// <summary>The last line read as this interface's (its link line, then each indented line under it).</summary>
        public int LastLine { get; set; } = line;
        public Dictionary<string, long> Stats { get; } = new(StringComparer.Ordinal);

        /// <summary>The statistics blocks read so far ("RX", "TX", "RX errors", "TX errors").</summary>
        public HashSet<string> Blocks { get; } = new(StringComparer.Ordinal);

        public Once LinkLayerSeen { get; } = new();

        /// <summary>The word after <paramref name="key"/> on the link line ("mtu 1500" → "1500"), or null.</summary>
        public string? Word(string key)
        {
            int i = Array.IndexOf(_words, key);
            return i >= 0 && i + 1 < _words.Length ? _words[i + 1] : null;
        }
    }
}
