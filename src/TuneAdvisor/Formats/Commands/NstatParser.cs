using System.Globalization;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// `nstat` output ("#kernel" then "TcpExtListenOverflows   21   0.0" lines) into counters named like the /proc
/// parsers name them: TcpExtListenOverflows → TcpExt.ListenOverflows, Ip6InReceives → Ip6.InReceives.
/// <para>
/// Totals or increments? iproute2 prints both with the same "#kernel" header and columns: `nstat -a` dumps totals,
/// plain `nstat` dumps increments since its history file, except on its first run (empty history), when it dumps
/// totals. So the content alone rarely tells. Heuristics, in order: a line ending in "(overflow)" is printed only for
/// increments, so the text is a delta; otherwise an explicit <see cref="NstatMode"/> hint decides (the sosreport
/// reader passes Absolute for sos's `nstat -zas`); otherwise the values are taken as totals, with a note. Totals
/// are the safe reading: a non-zero increment implies a non-zero total, while reading totals as increments would
/// invent activity in a window. Increments go to <see cref="SampleBuilder.CounterDeltas"/> (their interval is unknown).
/// Without -z nstat omits zero counters; an absent counter stays unknown here (output may also be filtered by patterns).
/// `nstat -j` JSON is read by <see cref="NstatJson"/> into the same counters.
/// </para>
/// </summary>
public sealed class NstatParser : IInputParser
{
    public NstatParser(NstatMode mode = NstatMode.Auto) => Mode = mode;

    public NstatMode Mode { get; }

    public string Kind => "nstat";

    /// <summary>Longest first, so TcpExt wins over Tcp and Ip6 over Ip.</summary>
    private static readonly string[] Prefixes =
        ["MPTcpExt", "TcpExt", "IpExt", "IcmpMsg", "UdpLite6", "UdpLite", "Icmp6", "Udp6", "Ip6", "Icmp", "Tcp", "Udp", "Ip"];

    public int Confidence(string text)
    {
        if (NstatJson.LooksLikeJson(text))
        {
            var json = NstatJson.Read(text);
            return json.Entries.Count(e => CounterKey(e.Name) is not null) > json.Entries.Count / 2 ? 95 : 0;
        }
        var lines = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0 && !CommandEcho.IsEcho(l.Text)).Take(50).ToList();
        if (lines.Count == 0)
            return 0;
        bool header = lines[0].Text.TrimStart().StartsWith('#');
        int rows = lines.Count(l => TryRow(l.Text, out _, out _, out _));
        int other = lines.Count - rows - (header ? 1 : 0);
        if (rows == 0 || other > rows / 10)
            return 0;
        return header ? 95 : 75;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var values = new List<(string Key, long Value)>();
        bool overflow = false, zeros = false;
        if (NstatJson.LooksLikeJson(text))
            zeros = ReadJson(text, path, sample, values);
        else
            ReadText(text, path, sample, values, ref overflow, ref zeros);
        if (values.Count == 0)
            return;

        bool delta = overflow || Mode == NstatMode.Delta;
        if (overflow && Mode == NstatMode.Absolute)
            InputNotes.Info(sample, path, 0, "a line says '(overflow)', which nstat prints only for increments: read as increments despite the absolute hint");
        else if (Mode == NstatMode.Auto && !overflow)
            InputNotes.Info(sample, path, 0,
                "nstat prints totals (-a, or a first run) and increments (later runs) alike; read as totals since boot or netns creation. If this came from a plain `nstat` run with a history, read it as a delta");
        if (!zeros)
            InputNotes.Info(sample, path, 0, NoZerosNote);

        foreach (var (key, value) in values)
        {
            if (delta)
            {
                sample.CounterDeltas[key] = value;
                sample.CounterSources[key] = path;
            }
            else
                sample.SetCounter(key, value, path);
        }
        sample.Capabilities.Add(SnapshotCapability.Counters);
    }

    /// <summary>The note recorded when no value is zero: nstat ran without -z, so an absent counter is unknown.</summary>
    public const string NoZerosNote = "no zero values, so nstat ran without -z: counters it did not print are unknown (zero, or filtered out)";

    private void ReadText(string text, string path, SampleBuilder sample, List<(string Key, long Value)> values, ref bool overflow, ref bool zeros)
    {
        int first = FirstLine(text);
        foreach (var line in InputLine.Split(text))
        {
            var t = line.Text.Trim();
            if (t.Length == 0 || (line.Number == first && t.StartsWith('#')))
                continue;
            if (CommandEcho.IsEcho(line.Text))
            {
                CommandEcho.Note(sample, path, line);
                continue;
            }
            if (!TryRow(t, out var key, out var value, out var ovfl))
            {
                InputNotes.Skipped(sample, path, line, "not an 'Name value rate' line of nstat");
                continue;
            }
            overflow |= ovfl;
            zeros |= value == 0;
            values.Add((key, value));
        }
    }

    /// <summary>Reads `nstat -j` output into <paramref name="values"/>; returns whether any value is zero (-z was given).</summary>
    private static bool ReadJson(string text, string path, SampleBuilder sample, List<(string Key, long Value)> values)
    {
        foreach (var line in InputLine.Split(text))
            if (line.Text.Trim().Length > 0 && CommandEcho.IsEcho(line.Text))
                CommandEcho.Note(sample, path, line);
        var json = NstatJson.Read(text);
        if (json.Source is { } source && source != "kernel")
            InputNotes.Info(sample, path, 0, $"the counters are under \"{source}\", not \"kernel\": nstat read them from a history or daemon with that description");
        bool zeros = false;
        foreach (var e in json.Entries)
        {
            var key = CounterKey(e.Name);
            if (key is null)
                InputNotes.Info(sample, path, e.Line, $"\"{e.Name}\" has no known MIB prefix; not read");
            else if (e.Value is not { } v)
                InputNotes.Info(sample, path, e.Line, $"\"{e.Name}\" does not fit a signed 64-bit integer; recorded as unknown");
            else
            {
                zeros |= v == 0;
                values.Add((key, v));
            }
        }
        if (json.Problem is { } problem)
        {
            var last = InputLine.Split(text).LastOrDefault(l => l.Text.Trim().Length > 0);
            if (json.Entries.Count > 0 && last.Number > 0 && json.ProblemLine >= last.Number)
                InputNotes.Truncated(sample, path, last, $"{problem}; the {json.Entries.Count} counters before it are kept");
            else
                sample.Note(TuneAdvisor.Diagnostics.Diagnostic.Create(TuneAdvisor.Diagnostics.KnownDiagnostics.InputLineSkipped,
                    TuneAdvisor.Diagnostics.SourceSpan.At(path, Math.Max(1, json.ProblemLine)), $"nstat JSON: {problem}; the {json.Entries.Count} counters before it are kept"));
        }
        return zeros;
    }

    private static int FirstLine(string text)
    {
        foreach (var line in InputLine.Split(text))
            if (line.Text.Trim().Length > 0 && !CommandEcho.IsEcho(line.Text))
                return line.Number;
        return 0;
    }

    private static bool TryRow(string line, out string key, out long value, out bool overflow)
    {
        key = "";
        value = 0;
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        overflow = parts.Length == 4 && parts[3] == "(overflow)";
        if (parts.Length is < 3 or > 4 || (parts.Length == 4 && !overflow)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            || (parts.Length >= 3 && !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            return false;
        key = CounterKey(parts[0]) ?? "";
        return key.Length > 0;
    }

    /// <summary>"TcpExtListenOverflows" → "TcpExt.ListenOverflows"; null when the name has no known prefix.</summary>
    public static string? CounterKey(string name)
    {
        foreach (var prefix in Prefixes)
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && char.IsAsciiLetterUpper(name[prefix.Length]))
                return $"{prefix}.{name[prefix.Length..]}";
        return null;
    }
}
