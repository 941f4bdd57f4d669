using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

public sealed partial class SockDiagCollector
{
    /// <summary>The rows read from /proc/net tables, and which tables could be read.</summary>
    private sealed class ProcNetSocketsBuilder
    {
        public List<ListenerInfo> Listeners { get; } = new();
        public List<ConnectionInfo> Connections { get; } = new();
        public HashSet<ProcNetTable> Read { get; } = new();
        public int Count => Listeners.Count + Connections.Count;
    }

    /// <summary>
    /// Reads from /proc/net every table that netlink did not deliver. TCP listeners from there have no backlog limit
    /// (SendQ null), and a note says so and why.
    /// </summary>
    private static ProcNetSocketsBuilder ReadFallbackTables(CollectionContext context, SampleBuilder sample, HashSet<ProcNetTable> fromNetlink, string whyNotNetlink)
    {
        var result = new ProcNetSocketsBuilder();
        var missingBacklog = new List<string>();
        foreach (var table in Tables)
        {
            if (fromNetlink.Contains(table))
                continue;
            var path = context.Proc("net/" + TableName(table));
            var text = ProcFile.TryRead(path, sample);
            if (text is null)
                continue;
            var parsed = ProcNetTcpParser.Parse(text, path, table);
            result.Read.Add(table);
            result.Listeners.AddRange(parsed.Listeners);
            result.Connections.AddRange(parsed.Connections);
            foreach (var d in parsed.Diagnostics)
                sample.Note(d);
            sample.Inputs.Add(path);
            if (table is ProcNetTable.Tcp or ProcNetTable.Tcp6 or ProcNetTable.Unix)
                missingBacklog.Add(path);
        }
        if (whyNotNetlink.Length > 0)
            sample.Note(KnownDiagnostics.SourceUnavailable, "sock_diag", $"sock_diag unavailable ({whyNotNetlink}); sockets read from /proc/net");
        if (missingBacklog.Count > 0)
            sample.Note(KnownDiagnostics.InputNote, missingBacklog[0],
                $"listener backlog limits (Send-Q) unknown for listeners from {string.Join(", ", missingBacklog)}: these files print 0 (tcp) or nothing (unix) for a listener's limit; only sock_diag reports it");
        return result;
    }
}
