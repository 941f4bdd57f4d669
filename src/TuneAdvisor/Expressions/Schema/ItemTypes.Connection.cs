using TuneAdvisor.Snapshots;
using static TuneAdvisor.Expressions.Schema.Members;

namespace TuneAdvisor.Expressions.Schema;

public static partial class ItemTypes
{
    private const double Micro = 1e-6;
    private const double Milli = 1e-3;

    public static readonly ItemType Connection = Item("connection",
        Str<ConnectionInfo>("protocol", "tcp or udp", c => c.Protocol),
        Str<ConnectionInfo>("state", "ESTAB, SYN-SENT, TIME-WAIT, CLOSE-WAIT, … as ss prints it", c => c.State),
        Str<ConnectionInfo>("local", "local address:port", c => c.Local),
        Str<ConnectionInfo>("remote", "remote address:port", c => c.Remote),
        Str<ConnectionInfo>("local_address", "local address", c => c.LocalAddress),
        Num<ConnectionInfo>("local_port", ExprType.Integer, "local port", c => c.LocalPort),
        Str<ConnectionInfo>("remote_address", "remote address", c => c.RemoteAddress),
        Num<ConnectionInfo>("remote_port", ExprType.Integer, "remote port", c => c.RemotePort),
        Num<ConnectionInfo>("recv_q", ExprType.Bytes, "Recv-Q: in-order bytes received but not read by the application", c => c.RecvQ),
        Num<ConnectionInfo>("send_q", ExprType.Bytes, "Send-Q: bytes not yet acknowledged, sent or unsent", c => c.SendQ),
        Num<ConnectionInfo>("timer", ExprType.Integer, "0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe", c => c.Timer),
        Str<ConnectionInfo>("congestion", "congestion control algorithm", c => c.Congestion),
        Str<ConnectionInfo>("process", "processes holding the socket, comma-separated", c => JoinNames(c.Processes), "no process is known for this socket"),
        Info("rtt", ExprType.Duration, "smoothed RTT", i => i.Rtt * Micro),
        Info("rttvar", ExprType.Duration, "RTT variance", i => i.RttVar * Micro),
        Info("min_rtt", ExprType.Duration, "minimum RTT", i => i.MinRtt * Micro),
        Info("rto", ExprType.Duration, "retransmission timeout", i => i.Rto * Micro),
        Info("cwnd", ExprType.Integer, "congestion window (packets)", i => i.SndCwnd),
        Info("ssthresh", ExprType.Integer, "slow-start threshold (packets)", i => i.SndSsthresh),
        Info("retransmits", ExprType.Integer, "retransmits outstanding now", i => i.Retransmits),
        Info("total_retrans", ExprType.Integer, "segments retransmitted over the lifetime", i => i.TotalRetrans),
        Info("lost", ExprType.Integer, "packets considered lost", i => i.Lost),
        Info("unacked", ExprType.Integer, "packets in flight", i => i.Unacked),
        new MemberDefinition("bytes_acked", ExprType.Bytes, "bytes acked by the peer (≈ payload sent)",
            o => InfoValue((ConnectionInfo)o, i => i.BytesAcked, "bytes_acked"),
            o => Value.FromNullable(((ConnectionInfo)o).DeltaBytesAcked, () => "bytes_acked has no second sample (use --interval > 0)")),
        new MemberDefinition("bytes_received", ExprType.Bytes, "payload bytes received",
            o => InfoValue((ConnectionInfo)o, i => i.BytesReceived, "bytes_received"),
            o => Value.FromNullable(((ConnectionInfo)o).DeltaBytesReceived, () => "bytes_received has no second sample (use --interval > 0)")),
        Info("bytes_sent", ExprType.Bytes, "bytes sent including retransmissions (4.19+)", i => i.BytesSent),
        Info("bytes_retrans", ExprType.Bytes, "bytes retransmitted (4.19+)", i => i.BytesRetrans),
        Info("notsent", ExprType.Bytes, "bytes written by the application but not yet sent (4.6+)", i => i.NotsentBytes),
        Info("delivery_rate", ExprType.Number, "delivery rate in bytes/s (4.9+)", i => i.DeliveryRate),
        Info("snd_wnd", ExprType.Bytes, "the peer's advertised window (5.4+)", i => i.SndWnd),
        Info("rcv_wnd", ExprType.Bytes, "our advertised window (6.2+)", i => i.RcvWnd),
        Info("last_data_sent", ExprType.Duration, "time since data was last sent", i => i.LastDataSentMs * Milli),
        Info("last_data_recv", ExprType.Duration, "time since data was last received", i => i.LastDataRecvMs * Milli),
        Info("busy_time", ExprType.Duration, "time busy sending (4.10+)", i => i.BusyTime * Micro),
        Num<ConnectionInfo>("rcvbuf", ExprType.Bytes, "receive buffer size (SKMEMINFO)", c => c.Memory?.RcvBuf, c => "socket memory (SKMEMINFO) is unknown"),
        Num<ConnectionInfo>("sndbuf", ExprType.Bytes, "send buffer size (SKMEMINFO)", c => c.Memory?.SndBuf, c => "socket memory (SKMEMINFO) is unknown"),
        Num<ConnectionInfo>("drops", ExprType.Integer, "packets this socket dropped (SKMEMINFO)", c => c.Memory?.Drops, c => "socket memory (SKMEMINFO) is unknown"));

    private static MemberDefinition Info(string name, ExprType type, string description, Func<TcpInfo, double?> get)
    {
        var notReported = NotReportedReason(name);
        return new(name, type, description, o => InfoValue((ConnectionInfo)o, get, notReported));
    }

    private static Value InfoValue(ConnectionInfo c, Func<TcpInfo, double?> get, Func<object, string> notReported) =>
        c.Info is null ? NoTcpInfo(c) : get(c.Info) is { } v ? Value.FromNumber(v) : Value.Unknown(c, notReported);

    private static Value InfoValue(ConnectionInfo c, Func<TcpInfo, double?> get, string name) =>
        c.Info is null ? NoTcpInfo(c) : get(c.Info) is { } v ? Value.FromNumber(v) : NotReported(c, name);

    private static Value InfoValue(ConnectionInfo c, Func<TcpInfo, ulong?> get, string name) =>
        c.Info is null ? NoTcpInfo(c) : get(c.Info) is { } v ? Value.FromNumber(v) : NotReported(c, name);

    // Reasons are formatted only when read (see Value.Unknown(subject, reason)).
    private static readonly Func<object, string> NoTcpInfoReason = o =>
    {
        var c = (ConnectionInfo)o;
        return $"no tcp_info for {c.Protocol} {c.Local} -> {c.Remote}";
    };

    private static Value NoTcpInfo(ConnectionInfo c) => Value.Unknown(c, NoTcpInfoReason);

    private static Value NotReported(ConnectionInfo c, string name) => Value.Unknown(c, NotReportedReason(name));

    private static Func<object, string> NotReportedReason(string name) =>
        o => $"{name} is not reported by this kernel (tcp_info is {((ConnectionInfo)o).Info!.Length} bytes)";
}
