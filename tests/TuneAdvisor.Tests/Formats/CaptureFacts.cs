using System.Globalization;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>
/// Everything a raw-capture parser read, flattened to "kind:key" → value text, so that two parses of the same capture
/// (whole, cut, or with a line deleted) can be compared whatever the input kind. Socket rows are keyed by the text of
/// the line they came from, so a deleted line elsewhere does not change their key.
/// </summary>
public sealed class CaptureFacts
{
    private CaptureFacts(Dictionary<string, (string Value, int Line)> facts, HashSet<int> notedLines, List<string> messages)
    {
        Facts = facts;
        NotedLines = notedLines;
        Messages = messages;
    }

    /// <summary>The text of every note, in order.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>Key → (value, the 1-based line it came from, or 0 when the source names no line).</summary>
    public Dictionary<string, (string Value, int Line)> Facts { get; }

    /// <summary>Lines that a note names.</summary>
    public HashSet<int> NotedLines { get; }

    public static CaptureFacts Of(SampleBuilder sample, string path, IReadOnlyList<string> lines)
    {
        var facts = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        int LineOf(string? source) =>
            source is not null && source.StartsWith(path + ":", StringComparison.Ordinal)
            && int.TryParse(source.AsSpan(path.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        string Text(int line) => line >= 1 && line <= lines.Count ? lines[line - 1] : "";

        foreach (var (key, entry) in sample.Sysctls)
            facts[$"sysctl:{key}"] = (entry.Value, LineOf(entry.Source));
        foreach (var (key, value) in sample.Counters)
        {
            var source = sample.CounterSources.GetValueOrDefault(key);
            facts[$"counter:{key}"] = (Num(value), Inferred(source, path) ? InferredLine : LineOf(source));
        }
        foreach (var (key, value) in sample.CounterDeltas)
            facts[$"delta:{key}"] = (Num(value), LineOf(sample.CounterSources.GetValueOrDefault(key)));
        foreach (var (key, value) in sample.Gauges)
            facts[$"gauge:{key}"] = (Num(value), 0);
        foreach (var l in sample.Listeners)
        {
            int line = LineOf(l.Source);
            facts[$"listener:{l.Protocol}|{Text(line)}|{l.Local}"] = ($"{l.RecvQ}/{l.SendQ} {Procs(l.Processes)}", line);
        }
        foreach (var c in sample.Connections)
        {
            int line = LineOf(c.Source);
            facts[$"connection:{c.Protocol}|{Text(line)}|{c.Local}|{c.Remote}"] = ($"{c.State} {c.RecvQ}/{c.SendQ} {Procs(c.Processes)}", line);
        }
        foreach (var i in sample.Interfaces)
            foreach (var (field, value) in InterfaceFields(i))
                facts[$"interface:{i.Name}.{field}"] = (Num(value), 0);
        // Without column 13 a CPU's id is its line's position, so rows are keyed by what they hold, not by that id.
        foreach (var cpu in sample.Softnet)
            facts[$"softnet:{cpu.Processed} {cpu.Dropped} {cpu.TimeSqueeze}"] = ("", 0);
        // /proc/softirqs: a CPU's count is in its row's line (the last such row, as a file of several copies reads the last).
        int RowLine(string name) => lines.Select((t, i) => (t, i)).LastOrDefault(x => x.t.TrimStart().StartsWith(name + ":", StringComparison.Ordinal)).i + 1;
        foreach (var cpu in sample.Softirqs)
        {
            if (cpu.NetRx is { } rx)
                facts[$"softirq:CPU{cpu.Cpu}.NET_RX"] = (Num(rx), RowLine("NET_RX"));
            if (cpu.NetTx is { } tx)
                facts[$"softirq:CPU{cpu.Cpu}.NET_TX"] = (Num(tx), RowLine("NET_TX"));
        }

        var noted = new HashSet<int>();
        foreach (var n in sample.Notes)
            if (n.Location is { } location)
            {
                // "path(12,1)" or "path:12" or "path"
                var open = location.LastIndexOf('(');
                var colon = location.LastIndexOf(':');
                if (open > 0 && int.TryParse(location.AsSpan(open + 1).TrimEnd(')').ToString().Split(',')[0], out var a))
                    noted.Add(a);
                else if (colon > 0 && int.TryParse(location.AsSpan(colon + 1), out var b))
                    noted.Add(b);
            }
        return new CaptureFacts(facts, noted, sample.Notes.Select(n => n.Message).ToList());
    }

    /// <summary>The line of a value no line printed: inferred (a counter netstat omits when zero), not read.</summary>
    public const int InferredLine = -1;

    /// <summary>A counter whose source names neither the file nor a line of it ("file (omitted by netstat when zero)").</summary>
    private static bool Inferred(string? source, string path) =>
        source is not null && source != path && !source.StartsWith(path + ":", StringComparison.Ordinal);

    private static string Num(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Procs(System.Collections.Immutable.ImmutableArray<ProcessRef> processes) =>
        string.Join(",", processes.Select(p => $"{p.Name}/{p.Pid}/{p.Fd}"));

    private static IEnumerable<(string, long?)> InterfaceFields(InterfaceInfo i) =>
    [
        ("rx_bytes", i.RxBytes), ("rx_packets", i.RxPackets), ("rx_errors", i.RxErrors), ("rx_dropped", i.RxDropped),
        ("tx_bytes", i.TxBytes), ("tx_packets", i.TxPackets), ("tx_errors", i.TxErrors), ("tx_dropped", i.TxDropped),
    ];
}
