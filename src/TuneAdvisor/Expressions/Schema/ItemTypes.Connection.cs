using TuneAdvisor.Expressions.Runtime;
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
        Bounded<ConnectionInfo>("recv_q", ExprType.Bytes, "Recv-Q: in-order bytes received but not read by the application", c => c.RecvQ,
            c => c.RecvQAtLeast == true, c => CutQueue("Recv-Q", c.Protocol, c.Local, c.RecvQ, c.Source)),
        Bounded<ConnectionInfo>("send_q", ExprType.Bytes, "Send-Q: bytes not yet acknowledged, sent or unsent", c => c.SendQ,
            c => c.SendQAtLeast == true, c => CutQueue("Send-Q", c.Protocol, c.Local, c.SendQ, c.Source)),
        Num<ConnectionInfo>("timer", ExprType.Integer, "0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe", c => c.Timer),
        Str<ConnectionInfo>("send_stall", "why the send queue is not draining, from tcp_info and the timer: \"peer zero window\", \"path loss\", \"local transmit failure\", \"local writer\" or \"undetermined\"",
            SendStall.Classify, "neither tcp_info nor the socket timer is known, so the cause cannot be told"),
        Str<ConnectionInfo>("congestion", "congestion control algorithm", c => c.Congestion),
        Str<ConnectionInfo>("process", "processes holding the socket, comma-separated", c => JoinNames(c.Processes), "no process is known for this socket"),
        Info("rtt", ExprType.Duration, "smoothed RTT", c => c.Info?.Rtt * Micro),
        Info("rttvar", ExprType.Duration, "RTT variance", c => c.Info?.RttVar * Micro),
        Info("min_rtt", ExprType.Duration, "minimum RTT", c => c.Info?.MinRtt * Micro),
        Info("rto", ExprType.Duration, "retransmission timeout", c => c.Info?.Rto * Micro),
        Info("cwnd", ExprType.Integer, "congestion window (packets)", c => c.Info?.SndCwnd),
        Info("ssthresh", ExprType.Integer, "slow-start threshold (packets)", c => c.Info?.SndSsthresh),
        Info("retransmits", ExprType.Integer, "retransmits outstanding now", c => c.Info?.Retransmits),
        Info("total_retrans", ExprType.Integer, "segments retransmitted over the lifetime", c => c.Info?.TotalRetrans),
        Info("lost", ExprType.Integer, "packets considered lost", c => c.Info?.Lost),
        Info("unacked", ExprType.Integer, "packets in flight", c => c.Info?.Unacked),
        Sampled("bytes_acked", "bytes acked by the peer (≈ payload sent)", c => c.Info?.BytesAcked, c => c.DeltaBytesAcked),
        Sampled("bytes_received", "payload bytes received", c => c.Info?.BytesReceived, c => c.DeltaBytesReceived),
        Info("bytes_sent", ExprType.Bytes, "bytes sent including retransmissions (4.19+)", c => c.Info?.BytesSent),
        Info("bytes_retrans", ExprType.Bytes, "bytes retransmitted (4.19+)", c => c.Info?.BytesRetrans),
        Info("notsent", ExprType.Bytes, "bytes written by the application but not yet sent (4.6+)", c => c.Info?.NotsentBytes),
        Info("delivery_rate", ExprType.Number, "delivery rate in bytes/s (4.9+)", c => c.Info?.DeliveryRate),
        Info("snd_wnd", ExprType.Bytes, "the peer's advertised window (5.4+)", c => c.Info?.SndWnd),
        Info("rcv_wnd", ExprType.Bytes, "our advertised window (6.2+)", c => c.Info?.RcvWnd),
        Info("last_data_sent", ExprType.Duration, "time since data was last sent", c => c.Info?.LastDataSentMs * Milli),
        Info("last_data_recv", ExprType.Duration, "time since data was last received", c => c.Info?.LastDataRecvMs * Milli),
        Info("busy_time", ExprType.Duration, "time busy sending (4.10+)", c => c.Info?.BusyTime * Micro),
        Num<ConnectionInfo>("rcvbuf", ExprType.Bytes, "receive buffer size (SKMEMINFO)", c => c.Memory?.RcvBuf, c => "socket memory (SKMEMINFO) is unknown"),
        Num<ConnectionInfo>("sndbuf", ExprType.Bytes, "send buffer size (SKMEMINFO)", c => c.Memory?.SndBuf, c => "socket memory (SKMEMINFO) is unknown"),
        Num<ConnectionInfo>("drops", ExprType.Integer, "packets this socket dropped (SKMEMINFO)", c => c.Memory?.Drops, c => "socket memory (SKMEMINFO) is unknown"));

    /// <summary>
    /// A tcp_info field. <paramref name="get"/> reads it through <c>c.Info?.</c> so the fast path is one call; it is
    /// unknown either because the socket has no tcp_info or because this kernel's tcp_info is too short for it.
    /// </summary>
    private static MemberDefinition Info(string name, ExprType type, string description, Func<ConnectionInfo, double?> get)
    {
        var notReported = NotReportedReason(name);
        return new(name, type, description, o =>
        {
            var c = (ConnectionInfo)o;
            return c.Info is null ? NoTcpInfo(c) : get(c) is { } v ? Value.FromNumber(v) : Value.Unknown(c, notReported);
        })
        {
            Number = NumberMember.Create(get),
        };
    }

    /// <summary>A tcp_info byte counter that delta() and rate() read over the two samples (by socket cookie).</summary>
    private static MemberDefinition Sampled(string name, string description, Func<ConnectionInfo, double?> get, Func<ConnectionInfo, long?> delta) =>
        Info(name, ExprType.Bytes, description, get) with
        {
            Delta = o => Value.FromNullable(delta((ConnectionInfo)o), () => $"{name} has no second sample (use --interval > 0)"),
        };

    // Reasons are formatted only when read (see Value.Unknown(subject, reason)).
    private static readonly Func<object, string> NoTcpInfoReason = o =>
    {
        var c = (ConnectionInfo)o;
        return $"no tcp_info for {c.Protocol} {c.Local} -> {c.Remote}";
    };

    private static Value NoTcpInfo(ConnectionInfo c) => Value.Unknown(c, NoTcpInfoReason);

    private static Func<object, string> NotReportedReason(string name) =>
        o => $"{name} is not reported by this kernel (tcp_info is {((ConnectionInfo)o).Info!.Length} bytes)";
}
