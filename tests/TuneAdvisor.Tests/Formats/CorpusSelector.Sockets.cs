using System.Globalization;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>
/// The README's selectors for `ss` / `netstat` socket lists: `tcp_listen.count`, `tcp_listen[addr#n].field`,
/// `tcp_state_count.STATE` (complete rows only, the state as spelled in the file), `complete_row_count` (rows that are
/// not cut), `tcp[local]` (a unique local address), `tcp[local|peer]`, `udp[local]`, with fields `recv_q`, `send_q`,
/// `peer`, `state`, `process` and `info.*`.
/// </summary>
public static partial class CorpusSelector
{
    /// <summary>
    /// Pasted socket lists named after their command: "ss-nltp-awk.txt", "netstat-neopa.txt", "netstat-ano-grep-8765.txt".
    /// Null for other outputs of the same tools (ss -s; netstat -s, -i, -r, -g) and for other files.
    /// </summary>
    private static string? SocketListKind(string name)
    {
        var dash = name.IndexOf('-');
        if (dash <= 0)
            return null;
        var tool = name[..dash];
        var options = name[(dash + 1)..].Split('-', '.', '_')[0];
        return tool switch
        {
            "ss" when options != "s" => new SsSocketParser().Kind,
            "netstat" when options.Length > 0 && options.IndexOfAny(['s', 'i', 'r', 'g', 'M']) < 0 => new NetstatSocketParser().Kind,
            _ => null,
        };
    }

    private static string Sockets(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        var tcpListeners = sample.Listeners.Where(l => l.Protocol == "tcp").ToList();
        if (selector == "tcp_listen.count")
            return Json(tcpListeners.Count);
        if (selector == "complete_row_count")
            return Json(sample.Listeners.Count(l => l.Truncated != true) + sample.Connections.Count(c => c.Truncated != true));
        if (selector.StartsWith("tcp_state_count.", StringComparison.Ordinal))
        {
            var state = SocketStates.Normalize(selector["tcp_state_count.".Length..]) ?? throw new InvalidOperationException(selector);
            return Json(state == SocketStates.Listen
                ? tcpListeners.Count(l => l.Truncated != true)
                : sample.Connections.Count(c => c.Protocol == "tcp" && c.State == state && c.Truncated != true));
        }
        var (set, address, nth, field) = ParseIndexed(selector);
        if (set == "tcp_listen")
        {
            var listener = tcpListeners.Where(l => SameAddress(l.Local, address)).ElementAt(nth - 1);
            return field switch
            {
                "recv_q" => Json(listener.RecvQ),
                "send_q" => ListenerSendQ(parser, text, listener),
                "process" => Process(listener.Processes),
                _ => throw new InvalidOperationException("unknown listener field " + field),
            };
        }
        var bar = address.IndexOf('|');
        var (local, peer) = bar < 0 ? (address, null) : (address[..bar], address[(bar + 1)..]);
        var matches = sample.Connections.Where(c => c.Protocol == set && SameAddress(c.Local, local) && (peer is null || SameAddress(c.Remote, peer))).ToList();
        // Without '#n' the address must name one socket: "whose local address is unique in the file".
        var connection = selector.Contains('#') ? matches.ElementAt(nth - 1) : Assert.Single(matches);
        return field switch
        {
            "recv_q" => Json(connection.RecvQ),
            "send_q" => Json(connection.SendQ),
            "peer" => Json(connection.Remote),
            "state" => Json(connection.State),
            "process" => Process(connection.Processes),
            "info.rtt" => Json(connection.Info!.Rtt / 1000.0),
            "info.cwnd" => Json(connection.Info!.SndCwnd),
            "info.bytes_acked" => Json(connection.Info!.BytesAcked),
            "info.bytes_received" => Json(connection.Info!.BytesReceived),
            _ => throw new InvalidOperationException("unknown socket field " + field),
        };
    }

    /// <summary>
    /// A listener's Send-Q as printed. From netstat it is always 0 for a listener and not a backlog, so the parser
    /// must hold it as unknown: then the printed value is read back from the row's own line, and only there.
    /// </summary>
    private static string ListenerSendQ(IInputParser parser, string text, ListenerInfo listener)
    {
        if (listener.SendQ is not null || parser is not NetstatSocketParser)
            return Json(listener.SendQ);
        var line = int.Parse(listener.Source[(listener.Source.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        var row = NetstatRow.TryParse(InputLine.Split(text).ElementAt(line - 1).Text, out _) ?? throw new InvalidOperationException(listener.Source);
        return Json(row.SendQ);
    }

    /// <summary>"tcp_listen[0.0.0.0:443#2].recv_q" → ("tcp_listen", "0.0.0.0:443", 2, "recv_q").</summary>
    private static (string Set, string Address, int Nth, string Field) ParseIndexed(string selector)
    {
        int open = selector.IndexOf('['), close = selector.LastIndexOf(']');
        var inside = selector[(open + 1)..close];
        int hash = inside.LastIndexOf('#');
        int nth = hash > 0 ? int.Parse(inside[(hash + 1)..], CultureInfo.InvariantCulture) : 1;
        return (selector[..open], hash > 0 ? inside[..hash] : inside, nth, selector[(close + 2)..]);
    }

    /// <summary>As printed in the file; netstat rows are stored in ss's spelling ("[::]:22" for ":::22"), so compare that too.</summary>
    private static bool SameAddress(string stored, string printed) =>
        stored == printed || (SocketEndpoint.TryParse(printed, out var e) && e.Canonical == stored);

    /// <summary>{name, pid, fd}, with fd only where the output prints it (ss -p; netstat's PID/Program name has none).</summary>
    private static string Process(System.Collections.Immutable.ImmutableArray<ProcessRef> processes)
    {
        var p = Assert.Single(processes);
        var fields = new Dictionary<string, object?> { ["name"] = p.Name, ["pid"] = p.Pid };
        if (p.Fd is { } fd)
            fields["fd"] = fd;
        return Json(fields);
    }
}
