using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>
/// One decoded inet_diag_msg with its attributes: the header fields as the kernel sent them (ports in host order,
/// addresses formatted as ss prints them) and the decoded INFO / SKMEMINFO / CONG attributes.
/// </summary>
public readonly record struct InetDiagSocket
{
    public int Family { get; init; }
    /// <summary>6 (TCP) or 17 (UDP): the protocol the dump asked for.</summary>
    public int Protocol { get; init; }
    public int State { get; init; }
    public int Timer { get; init; }
    public int Retransmits { get; init; }
    public string LocalAddress { get; init; }
    public int LocalPort { get; init; }
    public string RemoteAddress { get; init; }
    public int RemotePort { get; init; }
    public string Local { get; init; }
    public string Remote { get; init; }
    public uint Interface { get; init; }
    public ulong Cookie { get; init; }
    public uint ExpiresMs { get; init; }
    public uint RecvQueue { get; init; }
    public uint SendQueue { get; init; }
    public uint Uid { get; init; }
    /// <summary>0 for request (SYN-RECV) and TIME-WAIT sockets.</summary>
    public uint Inode { get; init; }
    public TcpInfo? Info { get; init; }
    public SocketMemory? Memory { get; init; }
    public string? Congestion { get; init; }
    /// <summary>INET_DIAG_SKV6ONLY (IPv6 full sockets only); null when absent.</summary>
    public bool? V6Only { get; init; }
    /// <summary>A malformed attribute or tcp_info that was skipped, in words; null when all was well.</summary>
    public string? Problem { get; init; }
}
