using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Copies of /proc/net/netstat and /proc/net/snmp (pairs of "Section: names…" / "Section: values…" lines) and
/// /proc/net/snmp6 ("Ip6InReceives 123" lines), read with <see cref="CounterTableParser"/> into cumulative counters.
/// </summary>
public sealed class ProcCounterFileParser : IInputParser
{
    private static readonly string[] Snmp6Prefixes = ["Ip6", "Icmp6", "Udp6", "UdpLite6"];

    public string Kind => "/proc/net/netstat, snmp, snmp6";

    public int Confidence(string text)
    {
        var lines = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0).Take(60).ToList();
        if (lines.Count == 0)
            return 0;
        int pairs = 0, snmp6 = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            int colon = t.IndexOf(':');
            if (colon > 0 && i + 1 < lines.Count && lines[i + 1].Text.StartsWith(t[..(colon + 1)], StringComparison.Ordinal)
                && t.Length > colon + 1 && t[colon + 1] == ' ' && !t.TrimEnd().EndsWith(':') && IsValueLine(lines[i + 1].Text[(colon + 1)..]))
            {
                pairs++;
                i++;
                continue;
            }
            var parts = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && long.TryParse(parts[1], out _) && Snmp6Prefixes.Any(p => parts[0].StartsWith(p, StringComparison.Ordinal)))
                snmp6++;
        }
        if (pairs > 0 && pairs * 2 >= lines.Count - 1)
            return 95;
        return snmp6 > 0 && snmp6 * 10 >= lines.Count * 9 ? 90 : 0;
    }

    /// <summary>The second line of a pair holds integers only (-1 is Tcp MaxConn's "no limit"); a cut last number still counts.</summary>
    private static bool IsValueLine(string values)
    {
        var words = values.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(w => long.TryParse(w, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = CounterTableParser.Parse(text, path);
        foreach (var (key, value) in parsed.Values)
            sample.SetCounter(key, value, path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        if (parsed.Values.Count > 0)
            sample.Capabilities.Add(SnapshotCapability.Counters);
    }
}
