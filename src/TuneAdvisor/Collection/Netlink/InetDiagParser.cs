using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Decodes the payload of one SOCK_DIAG_BY_FAMILY reply for AF_INET/AF_INET6: the 72-byte struct inet_diag_msg
/// (ports big-endian, addresses in network order) and its rtattrs (INFO, CONG, SKMEMINFO, SKV6ONLY; unknown
/// types and PAD are skipped). Pure: bytes in, a record out.
/// </summary>
public static class InetDiagParser
{
    /// <summary>sizeof(struct inet_diag_msg).</summary>
    public const int MessageSize = 72;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> payload, int protocol, SocketAddressFormatter formatter, CongestionNames congestionNames,
        out InetDiagSocket socket, out string? problem)
    {
        if (payload.Length < MessageSize)
        {
            socket = default;
            problem = $"inet_diag_msg of {payload.Length} bytes, expected at least {MessageSize}";
            return false;
        }
        int family = payload[0];
        if (family != NetlinkConstants.AF_INET && family != NetlinkConstants.AF_INET6)
        {
            socket = default;
            problem = $"inet_diag_msg of unexpected family {family}";
            return false;
        }

        TcpInfo? info = null;
        SocketMemory? memory = null;
        string? congestion = null;
        bool? v6only = null;
        problem = null;
        var attributes = new RtAttributeReader(payload[MessageSize..]);
        while (attributes.MoveNext())
        {
            var data = attributes.Payload;
            switch (attributes.Type)
            {
                case NetlinkConstants.INET_DIAG_INFO when protocol == NetlinkConstants.IPPROTO_TCP:
                    info = TcpInfoParser.Parse(data);
                    if (info is null)
                        problem = $"tcp_info of {data.Length} bytes is shorter than the oldest layout ({TcpInfoParser.MinimumLength}); not decoded";
                    break;
                case NetlinkConstants.INET_DIAG_SKMEMINFO:
                    memory = SocketMemoryParser.Parse(data);
                    break;
                case NetlinkConstants.INET_DIAG_CONG:
                    congestion = congestionNames.Get(data);
                    break;
                case NetlinkConstants.INET_DIAG_SKV6ONLY when data.Length >= 1:
                    v6only = data[0] != 0;
                    break;
            }
        }
        if (attributes.Problem is not null)
            problem = attributes.Problem;

        bool only6 = v6only ?? false;
        var src = payload.Slice(8, family == NetlinkConstants.AF_INET ? 4 : 16);
        var dst = payload.Slice(24, family == NetlinkConstants.AF_INET ? 4 : 16);
        int sport = BinaryPrimitives.ReadUInt16BigEndian(payload[4..]);
        int dport = BinaryPrimitives.ReadUInt16BigEndian(payload[6..]);
        uint ifindex = MemoryMarshal.Read<uint>(payload[40..]);
        var localAddress = formatter.Bare(family, src, only6);
        var remoteAddress = formatter.Bare(family, dst, only6);
        socket = new InetDiagSocket
        {
            Family = family,
            Protocol = protocol,
            State = payload[1],
            Timer = payload[2],
            Retransmits = payload[3],
            LocalAddress = localAddress,
            LocalPort = sport,
            RemoteAddress = remoteAddress,
            RemotePort = dport,
            Local = formatter.Full(localAddress, sport, ifindex),
            Remote = formatter.Full(remoteAddress, dport, 0),
            Interface = ifindex,
            Cookie = MemoryMarshal.Read<uint>(payload[44..]) | (ulong)MemoryMarshal.Read<uint>(payload[48..]) << 32,
            ExpiresMs = MemoryMarshal.Read<uint>(payload[52..]),
            RecvQueue = MemoryMarshal.Read<uint>(payload[56..]),
            SendQueue = MemoryMarshal.Read<uint>(payload[60..]),
            Uid = MemoryMarshal.Read<uint>(payload[64..]),
            Inode = MemoryMarshal.Read<uint>(payload[68..]),
            Info = info,
            Memory = memory,
            Congestion = congestion,
            V6Only = v6only,
            Problem = problem,
        };
        return true;
    }
}
