using System.Runtime.InteropServices;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>Builds SOCK_DIAG_BY_FAMILY dump requests (nlmsghdr + inet_diag_req_v2 or unix_diag_req), byte for byte.</summary>
public static class SockDiagRequest
{
    /// <summary>16-byte nlmsghdr + 56-byte struct inet_diag_req_v2.</summary>
    public const int InetSize = NetlinkConstants.HeaderSize + 56;

    /// <summary>16-byte nlmsghdr + 24-byte struct unix_diag_req.</summary>
    public const int UnixSize = NetlinkConstants.HeaderSize + 24;

    /// <summary>
    /// inet_diag_req_v2 for a dump: family (AF_INET / AF_INET6), protocol (6 TCP, 17 UDP), the states bit mask
    /// (1 &lt;&lt; state) and idiag_ext (1 &lt;&lt; (attribute - 1)); the socket id stays zero.
    /// </summary>
    public static byte[] Inet(byte family, byte protocol, uint states, byte extensions, uint sequence = 0)
    {
        var message = new byte[InetSize];
        WriteHeader(message, InetSize, sequence);
        var body = message.AsSpan(NetlinkConstants.HeaderSize);
        body[0] = family;
        body[1] = protocol;
        body[2] = extensions;
        MemoryMarshal.Write(body[4..], in states);
        return message;
    }

    /// <summary>unix_diag_req: all types, the states bit mask and the udiag_show bits; inode and cookie zero.</summary>
    public static byte[] Unix(uint states, uint show, uint sequence = 0)
    {
        var message = new byte[UnixSize];
        WriteHeader(message, UnixSize, sequence);
        var body = message.AsSpan(NetlinkConstants.HeaderSize);
        body[0] = NetlinkConstants.AF_UNIX;
        MemoryMarshal.Write(body[4..], in states);
        MemoryMarshal.Write(body[12..], in show);
        return message;
    }

    private static void WriteHeader(Span<byte> message, int length, uint sequence)
    {
        uint len = (uint)length;
        ushort type = NetlinkConstants.SOCK_DIAG_BY_FAMILY;
        ushort flags = NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP;
        MemoryMarshal.Write(message, in len);
        MemoryMarshal.Write(message[4..], in type);
        MemoryMarshal.Write(message[6..], in flags);
        MemoryMarshal.Write(message[8..], in sequence);
    }
}
