

namespace TuneAdvisor.Knowledge;

/// <summary>Numbers from the uapi headers linux/netlink.h, linux/sock_diag.h, linux/inet_diag.h and linux/unix_diag.h.</summary>
public static class NetlinkConstants
{
    public const int AF_UNIX = 1;
    public const int AF_INET = 2;
    public const int AF_INET6 = 10;
    public const int AF_NETLINK = 16;
    public const int NETLINK_SOCK_DIAG = 4;

    /// <summary>sock_diag multicast groups (enum sknetlink_groups): TCP sockets of the netns being destroyed.</summary>
    public const uint SKNLGRP_INET_TCP_DESTROY = 1;
    public const uint SKNLGRP_INET6_TCP_DESTROY = 3;

    public const int IPPROTO_TCP = 6;
    public const int IPPROTO_UDP = 17;

    /// <summary>sizeof(struct nlmsghdr).</summary>
    public const int HeaderSize = 16;

    public const ushort NLMSG_NOOP = 1;
    public const ushort NLMSG_ERROR = 2;
    public const ushort NLMSG_DONE = 3;
    public const ushort NLMSG_OVERRUN = 4;
    public const ushort SOCK_DIAG_BY_FAMILY = 20;

    public const ushort NLM_F_REQUEST = 0x1;
    public const ushort NLM_F_MULTI = 0x2;
    /// <summary>The dump was interrupted: the table changed while it was read; the result may be inconsistent.</summary>
    public const ushort NLM_F_DUMP_INTR = 0x10;
    public const ushort NLM_F_DUMP = 0x300;

    /// <summary>Every TCP state bit ss asks for (1..11), without bit 13 (bound-but-inactive, 6.8+, reported as CLOSE).</summary>
    public const uint AllStates = 0xFFF;

    // inet_diag attribute types (rtattr.rta_type, masked with RtaTypeMask).
    public const ushort INET_DIAG_MEMINFO = 1;
    public const ushort INET_DIAG_INFO = 2;
    public const ushort INET_DIAG_CONG = 4;
    public const ushort INET_DIAG_SHUTDOWN = 8;
    public const ushort INET_DIAG_SKMEMINFO = 7;
    public const ushort INET_DIAG_PROTOCOL = 10;
    public const ushort INET_DIAG_SKV6ONLY = 11;
    public const ushort INET_DIAG_PAD = 14;
    public const ushort RtaTypeMask = 0x3FFF;

    /// <summary>idiag_ext bits: 1 &lt;&lt; (attribute - 1).</summary>
    public const byte ExtInfo = 1 << (INET_DIAG_INFO - 1);
    public const byte ExtCong = 1 << (INET_DIAG_CONG - 1);
    public const byte ExtSkMemInfo = 1 << (INET_DIAG_SKMEMINFO - 1);

    // unix_diag: udiag_show bits and attribute types.
    public const uint UDIAG_SHOW_NAME = 0x01;
    public const uint UDIAG_SHOW_VFS = 0x02;
    public const uint UDIAG_SHOW_PEER = 0x04;
    public const uint UDIAG_SHOW_RQLEN = 0x10;
    public const uint UDIAG_SHOW_MEMINFO = 0x20;
    public const ushort UNIX_DIAG_NAME = 0;
    public const ushort UNIX_DIAG_VFS = 1;
    public const ushort UNIX_DIAG_PEER = 2;
    public const ushort UNIX_DIAG_RQLEN = 4;
    public const ushort UNIX_DIAG_MEMINFO = 5;

    public const int SOCK_STREAM = 1;
    public const int SOCK_DGRAM = 2;
    public const int SOCK_SEQPACKET = 5;

    public const int TCP_ESTABLISHED = 1;
    public const int TCP_CLOSE = 7;
    public const int TCP_LISTEN = 10;

    /// <summary>NLMSG_ALIGN: netlink messages and attributes start on 4-byte boundaries.</summary>
    public static int Align(int length) => (length + 3) & ~3;
}
