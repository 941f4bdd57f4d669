
namespace TuneAdvisor.Sampling;

/// <summary>
/// One TCP socket as its sock_diag destroy event described it: the header fields (inode 0: the socket is already
/// orphaned; uid is still the owner's) and the final byte counters of its tcp_info. The rest of tcp_info and the
/// socket memory are dropped so that tens of thousands of events stay small.
/// </summary>
public readonly record struct ClosedSocket
{
    /// <summary>The decoded message with <see cref="InetDiagSocket.Info"/> and <see cref="InetDiagSocket.Memory"/> cleared.</summary>
    public InetDiagSocket Socket { get; init; }
    /// <summary>tcpi_bytes_acked at destruction (counts the SYN and FIN an active opener sent: +1 each); null if tcp_info was absent or too old.</summary>
    public ulong? BytesAcked { get; init; }
    /// <summary>tcpi_bytes_received at destruction (counts a FIN received with data: +1); null when unknown.</summary>
    public ulong? BytesReceived { get; init; }
}
