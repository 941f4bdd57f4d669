namespace TuneAdvisor.Snapshots;

/// <summary>
/// struct tcp_info as the kernel returned it. Fields beyond the length the kernel copied are null
/// (232 bytes on 6.1 headers, 248 from 6.7, 280 on 6.18). Times in µs unless named otherwise.
/// </summary>
public sealed record TcpInfo
{
    public int Length { get; init; }
    public int State { get; init; }
    public int CaState { get; init; }
    public int Retransmits { get; init; }
    public int Probes { get; init; }
    public int Backoff { get; init; }
    public int Options { get; init; }
    public int SndWscale { get; init; }
    public int RcvWscale { get; init; }
    public uint Rto { get; init; }
    public uint Ato { get; init; }
    public uint SndMss { get; init; }
    public uint RcvMss { get; init; }
    public uint Unacked { get; init; }
    public uint Sacked { get; init; }
    public uint Lost { get; init; }
    public uint Retrans { get; init; }
    public uint LastDataSentMs { get; init; }
    public uint LastAckSentMs { get; init; }
    public uint LastDataRecvMs { get; init; }
    public uint LastAckRecvMs { get; init; }
    public uint Pmtu { get; init; }
    public uint RcvSsthresh { get; init; }
    public uint Rtt { get; init; }
    public uint RttVar { get; init; }
    public uint SndSsthresh { get; init; }
    public uint SndCwnd { get; init; }
    public uint AdvMss { get; init; }
    public uint Reordering { get; init; }
    public uint RcvRtt { get; init; }
    public uint RcvSpace { get; init; }
    public uint TotalRetrans { get; init; }
    public ulong? PacingRate { get; init; }
    public ulong? MaxPacingRate { get; init; }
    public ulong? BytesAcked { get; init; }
    public ulong? BytesReceived { get; init; }
    public uint? SegsOut { get; init; }
    public uint? SegsIn { get; init; }
    public uint? NotsentBytes { get; init; }
    public uint? MinRtt { get; init; }
    public uint? DataSegsIn { get; init; }
    public uint? DataSegsOut { get; init; }
    /// <summary>Bytes per second (ss prints it ×8 as bps).</summary>
    public ulong? DeliveryRate { get; init; }
    public ulong? BusyTime { get; init; }
    public ulong? RwndLimited { get; init; }
    public ulong? SndbufLimited { get; init; }
    public uint? Delivered { get; init; }
    public uint? DeliveredCe { get; init; }
    public ulong? BytesSent { get; init; }
    public ulong? BytesRetrans { get; init; }
    public uint? DsackDups { get; init; }
    public uint? ReordSeen { get; init; }
    public uint? RcvOooPack { get; init; }
    public uint? SndWnd { get; init; }
    public uint? RcvWnd { get; init; }
    public uint? Rehash { get; init; }
    public ushort? TotalRto { get; init; }
    public ushort? TotalRtoRecoveries { get; init; }
    public uint? TotalRtoTimeMs { get; init; }
}

/// <summary>INET_DIAG_SKMEMINFO: socket memory in bytes.</summary>
public sealed record SocketMemory(long RmemAlloc, long RcvBuf, long WmemAlloc, long SndBuf, long FwdAlloc, long WmemQueued, long OptMem, long? Backlog, long? Drops);
