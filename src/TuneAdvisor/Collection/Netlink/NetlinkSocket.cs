using TuneAdvisor.IO.Native;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// A raw AF_NETLINK socket (System.Net.Sockets has no netlink family). Receives time out after
/// <see cref="ReceiveTimeout"/> so a kernel or parser bug cannot hang the collector.
/// </summary>
public sealed unsafe class NetlinkSocket : INetlinkGroupTransport
{
    public static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    private int _fd;
    private bool _bound;

    private NetlinkSocket(int fd) => _fd = fd;

    /// <summary>Opens a netlink socket of the given protocol (NETLINK_SOCK_DIAG = 4); null and the errno on failure.</summary>
    public static NetlinkSocket? TryOpen(int protocol, out int errno) => TryOpen(protocol, ReceiveTimeout, out errno);

    /// <summary>As <see cref="TryOpen(int, out int)"/> with another receive timeout (a listener's reader polls a stop flag).</summary>
    public static NetlinkSocket? TryOpen(int protocol, TimeSpan receiveTimeout, out int errno)
    {
        int fd = LibC.Socket(NetlinkConstants.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, protocol);
        if (fd < 0)
        {
            errno = LibC.LastError;
            return null;
        }
        // struct timeval { time_t tv_sec; suseconds_t tv_usec; }: two native longs.
        nint* timeval = stackalloc nint[2];
        timeval[0] = (nint)(receiveTimeout.Ticks / TimeSpan.TicksPerSecond);
        timeval[1] = (nint)(receiveTimeout.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);
        LibC.SetSockOpt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval, (uint)(2 * sizeof(nint)));
        errno = 0;
        return new NetlinkSocket(fd);
    }

    /// <summary>Sends one request to the kernel (nl_pid 0). Returns 0 or the errno.</summary>
    public int Send(ReadOnlySpan<byte> message)
    {
        // struct sockaddr_nl { u16 nl_family; u16 pad; u32 nl_pid; u32 nl_groups; }
        byte* address = stackalloc byte[12];
        new Span<byte>(address, 12).Clear();
        *(ushort*)address = NetlinkConstants.AF_NETLINK;
        fixed (byte* data = message)
        {
            while (true)
            {
                nint sent = LibC.SendTo(_fd, data, (nuint)message.Length, 0, address, 12);
                if (sent >= 0)
                    return sent == message.Length ? 0 : LibC.EAGAIN;
                int errno = LibC.LastError;
                if (errno != LibC.EINTR)
                    return errno;
            }
        }
    }

    /// <summary>
    /// Receives one datagram into <paramref name="buffer"/>. Returns 0 or the errno (EAGAIN on timeout);
    /// <paramref name="length"/> is the datagram's real length (MSG_TRUNC), larger than the buffer if it was cut.
    /// </summary>
    public int Receive(Span<byte> buffer, out int length)
    {
        fixed (byte* data = buffer)
        {
            while (true)
            {
                nint received = LibC.Recv(_fd, data, (nuint)buffer.Length, LibC.MSG_TRUNC);
                if (received >= 0)
                {
                    length = (int)received;
                    return 0;
                }
                int errno = LibC.LastError;
                if (errno != LibC.EINTR)
                {
                    length = 0;
                    return errno;
                }
            }
        }
    }

    /// <summary>
    /// Binds first (nl_pid 0: the kernel picks a port id): the kernel skips a multicast's own sender port id, and an
    /// unbound socket has port id 0, the kernel's, so it would receive nothing.
    /// </summary>
    public int JoinGroup(uint group)
    {
        if (!_bound)
        {
            byte* address = stackalloc byte[12];
            new Span<byte>(address, 12).Clear();
            *(ushort*)address = NetlinkConstants.AF_NETLINK;
            if (LibC.Bind(_fd, address, 12) != 0)
                return LibC.LastError;
            _bound = true;
        }
        return LibC.SetSockOpt(_fd, LibC.SOL_NETLINK, LibC.NETLINK_ADD_MEMBERSHIP, &group, sizeof(uint)) == 0 ? 0 : LibC.LastError;
    }

    public int SetReceiveBuffer(int bytes)
    {
        if (LibC.SetSockOpt(_fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, &bytes, sizeof(int)) == 0)
            return 0;
        return LibC.SetSockOpt(_fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, &bytes, sizeof(int)) == 0 ? 0 : LibC.LastError;
    }

    public long? Drops()
    {
        // SK_MEMINFO_VARS is 9 since 4.x (SK_MEMINFO_DROPS = 8); the kernel copies min(len, its size).
        uint* meminfo = stackalloc uint[16];
        uint length = 16 * sizeof(uint);
        if (LibC.GetSockOpt(_fd, LibC.SOL_SOCKET, LibC.SO_MEMINFO, meminfo, &length) != 0 || length < 9 * sizeof(uint))
            return null;
        return meminfo[8];
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            LibC.Close(_fd);
            _fd = -1;
        }
    }
}
