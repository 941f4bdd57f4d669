
namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// A netlink socket that listens to multicast groups (sock_diag destroy events): <see cref="NetlinkSocket"/> in
/// production, a scripted replay in tests. <see cref="INetlinkTransport.Receive"/> returns EAGAIN when nothing
/// arrived within the socket's receive timeout, and ENOBUFS once after the kernel dropped messages for a full queue.
/// </summary>
public interface INetlinkGroupTransport : INetlinkTransport, IDisposable
{
    /// <summary>setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP). Returns 0 or the errno (EPERM without CAP_NET_ADMIN).</summary>
    int JoinGroup(uint group);

    /// <summary>Sets the receive buffer (SO_RCVBUFFORCE, else SO_RCVBUF capped by net.core.rmem_max). Returns 0 or the errno.</summary>
    int SetReceiveBuffer(int bytes);

    /// <summary>Messages the kernel dropped because the receive queue was full (sk_drops from SO_MEMINFO); null when unknown.</summary>
    long? Drops();
}
