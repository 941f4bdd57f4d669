using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// A kernel log excerpt (see <see cref="KernelLog"/>) into the gauge <see cref="ConntrackTableFullGauge"/>: how many
/// "nf_conntrack: table full, dropping packet" messages the excerpt holds (a message wrapped over two lines counts once;
/// 0 when it holds none). The gauge's source lists the messages' lines. The excerpt's time span is unknown, so the count
/// is not a rate. Lines that continue a message are noted; lines before the first message are skipped with a note.
/// </summary>
public sealed class KernelLogParser : IInputParser
{
    /// <summary>The gauge key for rules: conntrack "table full" messages in the given kernel log.</summary>
    public const string ConntrackTableFullGauge = "kernel_log.nf_conntrack_table_full";

    public string Kind => "kernel log";

    public int Confidence(string text)
    {
        var log = KernelLog.Read(text.Length > 64 * 1024 ? text[..(64 * 1024)] : text);
        int messages = log.Messages.Length;
        // Wrapped lines may be as many as the messages (each wrapped once), but not more; a stray line before the first is allowed.
        return messages > 0 && log.ContinuationLines.Length <= messages && log.OrphanLines.Length <= 1 ? 85 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        foreach (var line in InputLine.Split(text))
            if (line.Text.Trim().Length > 0 && CommandEcho.IsEcho(line.Text))
                CommandEcho.Note(sample, path, line);
        var log = KernelLog.Read(text);
        var orphans = log.OrphanLines.ToHashSet();
        if (orphans.Count > 0)
            foreach (var line in InputLine.Split(text).Where(l => orphans.Contains(l.Number)))
                InputNotes.Skipped(sample, path, line, "not a kernel log line, and no message before it to continue");
        foreach (var number in log.ContinuationLines)
            InputNotes.Info(sample, path, number, "no log prefix: read as the continuation of the message before it (a wrapped line)");

        var full = log.Messages.Where(KernelLog.IsConntrackTableFull).ToList();
        sample.Gauges[ConntrackTableFullGauge] = full.Count;
        sample.Capabilities.Add(SnapshotCapability.KernelLog);
        sample.CounterSources[ConntrackTableFullGauge] = full.Count == 0 ? path
            : $"{path}:{string.Join(',', full.Take(20).Select(m => m.FirstLine == m.LastLine ? $"{m.FirstLine}" : $"{m.FirstLine}-{m.LastLine}"))}{(full.Count > 20 ? ",…" : "")}";
        if (full.Count > 0)
            InputNotes.Info(sample, path, full[0].FirstLine,
                $"{full.Count} 'nf_conntrack: table full, dropping packet' messages: the conntrack table was full and new connections' packets were dropped");
    }
}
