using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>Turns decoded sock_diag sockets into the snapshot's <see cref="ListenerInfo"/> and <see cref="ConnectionInfo"/>.</summary>
public static class SockDiagRecords
{
    public const string Source = "sock_diag";

    /// <summary>TCP LISTEN, and UDP bound but unconnected (state 7, "UNCONN"), are listeners; the rest are connections.</summary>
    public static bool IsListener(in InetDiagSocket s) =>
        s.Protocol == NetlinkConstants.IPPROTO_TCP ? s.State == NetlinkConstants.TCP_LISTEN : s.State == NetlinkConstants.TCP_CLOSE;

    public static string ProtocolName(int protocol) => protocol == NetlinkConstants.IPPROTO_UDP ? "udp" : "tcp";

    /// <summary>TCP: RecvQ = accept queue, SendQ = backlog limit. UDP: bytes in the receive / send buffers.</summary>
    public static ListenerInfo Listener(in InetDiagSocket s, ImmutableArray<ProcessRef> processes) => new()
    {
        Protocol = ProtocolName(s.Protocol),
        Local = s.Local,
        Address = s.LocalAddress,
        Port = s.LocalPort,
        RecvQ = s.RecvQueue,
        SendQ = s.SendQueue,
        Cookie = s.Cookie,
        Inode = s.Inode == 0 ? null : s.Inode,
        Uid = s.Inode == 0 ? null : s.Uid,
        Drops = s.Memory?.Drops,
        Processes = processes,
        Source = Source,
    };

    /// <summary>Request (SYN-RECV) and TIME-WAIT sockets have inode 0: no inode, uid or process.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ConnectionInfo Connection(in InetDiagSocket s, ImmutableArray<ProcessRef> processes)
    {
        var protocol = ProtocolName(s.Protocol);
        bool full = s.Inode != 0;
        return new ConnectionInfo
        {
            Protocol = protocol,
            State = TcpStates.Name(s.State, protocol),
            Local = s.Local,
            Remote = s.Remote,
            LocalAddress = s.LocalAddress,
            LocalPort = s.LocalPort,
            RemoteAddress = s.RemoteAddress,
            RemotePort = s.RemotePort,
            RecvQ = s.RecvQueue,
            SendQ = s.SendQueue,
            Cookie = s.Cookie,
            Inode = full ? s.Inode : null,
            Uid = full ? s.Uid : null,
            Timer = s.Protocol == NetlinkConstants.IPPROTO_TCP ? s.Timer : null,
            Congestion = s.Congestion,
            Info = s.Info,
            Memory = s.Memory,
            Processes = processes,
            Source = Source,
        };
    }

    /// <summary>A UNIX stream or seqpacket listener: RecvQ = accept queue, SendQ = backlog (UNIX_DIAG_RQLEN).</summary>
    public static ListenerInfo Listener(in UnixDiagSocket s, ImmutableArray<ProcessRef> processes) => new()
    {
        Protocol = "unix",
        Local = s.Name ?? "*",
        RecvQ = s.RecvQueue,
        SendQ = s.SendQueue,
        Cookie = s.Cookie,
        Inode = s.Inode,
        Drops = s.Memory?.Drops,
        Processes = processes,
        Source = Source,
    };
}
