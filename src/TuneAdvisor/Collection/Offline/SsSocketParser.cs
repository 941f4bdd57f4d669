using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Offline;

/// <summary>
/// Socket lists from `ss` in all its layouts: -lnt, -ltnp, -tanp, -tanpi, -peaonmi …, with or without the Netid
/// column, old (iproute2 4.x) and new spacing, IPv6 in brackets with %scope, several processes in users:((…)), and
/// continuation lines (tab-indented) for -i/-m/-e. Only tcp, udp and UNIX stream/seqpacket listeners become records:
/// TCP LISTEN rows are listeners whose Recv-Q is the accept queue and Send-Q the backlog limit (ss reads sock_diag),
/// UDP UNCONN rows are UDP listeners (queues in bytes), other TCP/UDP rows are connections. Netlink, raw, packet and
/// UNIX datagram/connected rows are read and ignored.
/// </summary>
public sealed class SsSocketParser : IInputParser
{
    public string Kind => "ss";

    public int Confidence(string text)
    {
        var lines = InputLine.Split(text);
        var first = lines.FirstOrDefault(l => l.Text.Trim().Length > 0).Text ?? "";
        if (IsHeader(first))
            return 95;
        int rows = 0, other = 0;
        foreach (var line in lines.Take(100))
        {
            if (line.Text.Trim().Length == 0 || char.IsWhiteSpace(line.Text[0]))
                continue;
            if (SsRow.TryParse(SsTokenizer.Split(line.Text, out _), out _) is not null)
                rows++;
            else
                other++;
        }
        return rows > 0 && other <= rows / 10 ? 70 : 0;
    }

    private static bool IsHeader(string line)
    {
        var t = line.TrimStart();
        return (t.StartsWith("Netid", StringComparison.Ordinal) || t.StartsWith("State", StringComparison.Ordinal))
            && t.Contains("Recv-Q", StringComparison.Ordinal);
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var rows = new List<(InputLine Line, SsRow Row, bool Complete)>();
        bool attachToSkipped = false;
        foreach (var line in InputLine.Split(text))
        {
            if (line.Text.Trim().Length == 0 || IsHeader(line.Text))
                continue;
            var tokens = SsTokenizer.Split(line.Text, out bool balanced);
            bool complete = balanced;
            if (char.IsWhiteSpace(line.Text[0]))
            {
                if (rows.Count > 0 && !attachToSkipped)
                {
                    if (line.IsUnterminatedLast)
                        complete = DropCutWord(tokens, 0) && complete;
                    var last = rows[^1];
                    last.Row.Details.AddRange(tokens);
                    rows[^1] = last with { Complete = last.Complete && complete };
                    if (!complete)
                        InputNotes.Truncated(sample, path, line, "a cut continuation line");
                }
                else if (!attachToSkipped)
                    InputNotes.Skipped(sample, path, line, "a continuation line with no socket row before it");
                continue;
            }
            var row = SsRow.TryParse(tokens, out var why);
            attachToSkipped = row is null;
            if (row is null)
            {
                InputNotes.Skipped(sample, path, line, why);
                continue;
            }
            if (line.IsUnterminatedLast)
                complete = DropCutWord(row.Details, 0) && complete;
            rows.Add((line, row, complete));
            if (!complete)
                InputNotes.Truncated(sample, path, line, "a cut socket row");
        }

        var listeners = new List<ListenerInfo>();
        foreach (var (line, row, complete) in rows)
            Emit(line.Source(path), row, SsDetails.Parse(row.Details, complete), listeners, sample);
        ClaimCapabilities(path, listeners, sample);
    }

    /// <summary>
    /// On the unterminated last line of a cut paste the last plain word may be partial ("ino:2406" of "ino:24067"), so it is
    /// dropped; a group that is still open is kept (its complete parts are read). Returns false when something was cut.
    /// </summary>
    private static bool DropCutWord(List<string> details, int first)
    {
        if (details.Count <= first)
            return true;
        var word = details[^1];
        if (word.EndsWith(')') || word.Contains('('))
            return !word.Contains('(') || word.EndsWith(')');
        details.RemoveAt(details.Count - 1);
        return false;
    }

    private static void Emit(string source, SsRow row, SsDetails details, List<ListenerInfo> listeners, SampleBuilder sample)
    {
        bool listen = row.State == SocketStates.Listen;
        if (row.IsUnix)
        {
            if (listen && row.Protocol is "u_str" or "u_seq")
            {
                int space = row.Local.LastIndexOf(' ');
                listeners.Add(new ListenerInfo
                {
                    Protocol = "unix",
                    Local = row.Local[..space],
                    RecvQ = row.RecvQ,
                    SendQ = row.SendQ,
                    Inode = ulong.Parse(row.Local[(space + 1)..], System.Globalization.CultureInfo.InvariantCulture),
                    Processes = details.Processes,
                    Drops = details.Memory?.Drops,
                    Source = source,
                });
            }
            return;
        }
        if (row.Protocol is not ("tcp" or "udp"))
            return;
        SocketEndpoint.TryParse(row.Local, out var local);
        SocketEndpoint.TryParse(row.Peer, out var peer);
        if (listen || (row.Protocol == "udp" && row.State == SocketStates.Unconnected))
        {
            listeners.Add(new ListenerInfo
            {
                Protocol = row.Protocol,
                Local = row.Local,
                Address = local.Address,
                Port = local.Port,
                RecvQ = row.RecvQ,
                SendQ = row.SendQ,
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
            Protocol = row.Protocol,
            State = row.State,
            Local = row.Local,
            Remote = row.Peer,
            LocalAddress = local.Address,
            LocalPort = local.Port,
            RemoteAddress = peer.Address,
            RemotePort = peer.Port,
            RecvQ = row.RecvQ,
            SendQ = row.SendQ,
            Cookie = details.Cookie,
            Inode = details.Inode,
            Uid = details.Uid,
            Timer = details.Timer,
            Congestion = details.Congestion,
            Info = row.Protocol == "tcp" ? details.Info : null,
            Memory = details.Memory,
            Processes = details.Processes,
            Source = source,
        });
        sample.Capabilities.Add(SnapshotCapability.Connections);
        if (row.Protocol == "tcp" && details.Info is not null)
            sample.Capabilities.Add(SnapshotCapability.TcpInfo);
    }

    /// <summary>
    /// ss's Send-Q on a listener is the backlog limit when ss read sock_diag. When sock_diag is missing ss falls back
    /// to /proc/net/tcp, where it is always 0: so when every TCP listener shows 0 the limits are taken as unknown.
    /// </summary>
    private static void ClaimCapabilities(string path, List<ListenerInfo> listeners, SampleBuilder sample)
    {
        if (listeners.Count == 0)
            return;
        var tcp = listeners.Where(l => l.Protocol == "tcp").ToList();
        bool backlogKnown = tcp.Count == 0 || tcp.Exists(l => l.SendQ is > 0);
        foreach (var l in listeners)
            sample.Listeners.Add(!backlogKnown && l.Protocol == "tcp" ? l with { SendQ = null } : l);
        sample.Capabilities.Add(SnapshotCapability.Listeners);
        if (tcp.Count > 0 && backlogKnown)
            sample.Capabilities.Add(SnapshotCapability.ListenerBacklog);
        else if (tcp.Count > 0)
            InputNotes.Info(sample, path, 0, "every TCP listener shows Send-Q 0, so ss read /proc/net/tcp (no sock_diag): backlog limits are unknown");
    }
}
