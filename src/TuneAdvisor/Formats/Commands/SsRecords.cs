using System.Globalization;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Turns ss rows into listener and connection records. A row without a Netid column is TCP unless the echoed command
/// lists only UDP (or the state is UNCONN); a row without a State column takes the state from the echoed command's
/// `state X` filter, else a wildcard peer makes it a listener (`ss -l`), else its state is unknown (noted). Text after
/// a row that ss never prints (an annotation such as "-- 第二次中没有") is left out of the row, with a note. A cut row
/// keeps what it holds; an address it lacks or that was cut ends in "…" and has no address or port.
/// </summary>
internal sealed class SsRecords(string path, SampleBuilder sample)
{
    private readonly List<ListenerInfo> _listeners = [];
    private int _unknownStates;
    private int _firstUnknownState;

    /// <summary>The ss command echoed before the rows now being read, if any.</summary>
    public EchoedSocketCommand? Command { get; set; }

    public void Add(InputLine line, SsRow row, bool complete)
    {
        var source = line.Source(path);
        TrimAnnotation(line, row);
        var details = SsDetails.Parse(row.Details, complete);
        var state = row.State;
        var protocol = row.Netid ?? Command?.OnlyProtocol ?? (state == SocketStates.Unconnected ? "udp" : "tcp");
        if (row.IsUnix)
        {
            AddUnix(row, details, source);
            return;
        }
        if (protocol is not ("tcp" or "udp"))
            return;
        var local = Endpoint(row.Local, row.LocalCut);
        var peer = Endpoint(row.Peer, row.PeerCut);
        if (state is null)
        {
            if (Command?.State is { } asked)
                state = asked;
            else if (peer is { IsWildcardPeer: true })
                state = protocol == "udp" ? SocketStates.Unconnected : SocketStates.Listen;
            else
            {
                state = "UNKNOWN";
                if (_unknownStates++ == 0)
                    _firstUnknownState = line.Number;
            }
        }
        bool? truncated = complete ? null : true;
        if (state == SocketStates.Listen || (protocol == "udp" && state == SocketStates.Unconnected))
        {
            _listeners.Add(new ListenerInfo
            {
                Protocol = protocol,
                Local = Printed(row.Local, row.LocalCut),
                Address = local?.Address,
                Port = local?.Port,
                RecvQ = row.RecvQ,
                SendQ = row.SendQ,
                RecvQAtLeast = row.RecvQAtLeast ? true : null,
                SendQAtLeast = row.SendQAtLeast ? true : null,
                Truncated = truncated,
                Cookie = details.Cookie,
                Inode = details.Inode,
                Uid = details.Uid,
                Drops = details.Memory?.Drops,
                Processes = details.Processes,
                Source = source,
            });
            return;
        }
        sample.Connections.Add(new ConnectionInfo
        {
            Protocol = protocol,
            State = state,
            Local = Printed(row.Local, row.LocalCut),
            Remote = Printed(row.Peer, row.PeerCut),
            LocalAddress = local?.Address,
            LocalPort = local?.Port,
            RemoteAddress = peer?.Address,
            RemotePort = peer?.Port,
            RecvQ = row.RecvQ,
            SendQ = row.SendQ,
            RecvQAtLeast = row.RecvQAtLeast ? true : null,
            SendQAtLeast = row.SendQAtLeast ? true : null,
            Truncated = truncated,
            Cookie = details.Cookie,
            Inode = details.Inode,
            Uid = details.Uid,
            Timer = details.Timer,
            Congestion = details.Congestion,
            Info = protocol == "tcp" ? details.Info : null,
            Memory = details.Memory,
            Processes = details.Processes,
            Source = source,
        });
        sample.Capabilities.Add(SnapshotCapability.Connections);
        if (protocol == "tcp" && details.Info is not null)
            sample.Capabilities.Add(SnapshotCapability.TcpInfo);
    }

    /// <summary>An address as printed; "…" marks one that was cut ("0.…") or is missing ("…").</summary>
    private static string Printed(string? address, bool cut) => address is null ? "…" : cut ? address + "…" : address;

    private static SocketEndpoint? Endpoint(string? address, bool cut) =>
        address is not null && !cut && SocketEndpoint.TryParse(address, out var e) ? e : null;

    /// <summary>
    /// ss prints nothing after the addresses but its detail words (users:((…)), timer:(…), key:value, flags, the
    /// congestion control name, rates). "--", "#", "//" or a word with non-ASCII letters outside users:((…)) starts
    /// text someone added; it and the rest of the line are dropped.
    /// </summary>
    private void TrimAnnotation(InputLine line, SsRow row)
    {
        int at = row.Details.FindIndex(w => w is "--" or "//" || w.StartsWith('#')
            || (!w.StartsWith("users:", StringComparison.Ordinal) && w.Any(c => c > 127)));
        if (at < 0)
            return;
        var text = string.Join(' ', row.Details.Skip(at));
        row.Details.RemoveRange(at, row.Details.Count - at);
        InputNotes.Info(sample, path, line.Number, $"text after the row is not ss output (an annotation?) and was left out: '{(text.Length <= 60 ? text : text[..57] + "...")}'");
    }

    private void AddUnix(SsRow row, SsDetails details, string source)
    {
        if (row.State != SocketStates.Listen || row.Netid is not ("u_str" or "u_seq") || row.Local is null)
            return;
        int space = row.Local.LastIndexOf(' ');
        _listeners.Add(new ListenerInfo
        {
            Protocol = "unix",
            Local = row.Local[..space],
            RecvQ = row.RecvQ,
            SendQ = row.SendQ,
            Inode = ulong.Parse(row.Local[(space + 1)..], CultureInfo.InvariantCulture),
            Processes = details.Processes,
            Drops = details.Memory?.Drops,
            Source = source,
        });
    }

    /// <summary>
    /// ss's Send-Q on a listener is the backlog limit when ss read sock_diag. When sock_diag is missing ss falls back
    /// to /proc/net/tcp, where it is always 0: so when every TCP listener shows 0 the limits are taken as unknown.
    /// </summary>
    public void Finish()
    {
        if (_unknownStates > 0)
            InputNotes.Info(sample, path, _firstUnknownState,
                $"{_unknownStates} row(s) have no State column and no echoed ss command saying which state was listed (ss prints no State column when its filter leaves one state, e.g. `state close-wait`): their state is unknown");
        if (_listeners.Count == 0)
            return;
        var tcp = _listeners.Where(l => l.Protocol == "tcp").ToList();
        bool backlogKnown = tcp.Count == 0 || tcp.Exists(l => l.SendQ is > 0);
        foreach (var l in _listeners)
            sample.Listeners.Add(!backlogKnown && l.Protocol == "tcp" ? l with { SendQ = null, SendQAtLeast = null } : l);
        sample.Capabilities.Add(SnapshotCapability.Listeners);
        if (tcp.Count > 0 && backlogKnown)
            sample.Capabilities.Add(SnapshotCapability.ListenerBacklog);
        else if (tcp.Count > 0)
            InputNotes.Info(sample, path, 0, "every TCP listener shows Send-Q 0, so ss read /proc/net/tcp (no sock_diag): backlog limits are unknown");
    }
}
