using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Decodes struct tcp_info (INET_DIAG_INFO) by the length the kernel copied: offsets are stable and the struct only
/// grows, so every field past the attribute's end stays null. 104 bytes (up to tcpi_total_retrans) is the oldest
/// layout; anything shorter is not decoded.
/// </summary>
public static class TcpInfoParser
{
    /// <summary>The 2.6 struct, up to and including tcpi_total_retrans.</summary>
    public const int MinimumLength = 104;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TcpInfo? Parse(ReadOnlySpan<byte> b)
    {
        if (b.Length < MinimumLength)
            return null;
        return new TcpInfo
        {
            Length = b.Length,
            State = b[0],
            CaState = b[1],
            Retransmits = b[2],
            Probes = b[3],
            Backoff = b[4],
            Options = b[5],
            SndWscale = b[6] & 0x0F,
            RcvWscale = b[6] >> 4,
            Rto = U32(b, 8),
            Ato = U32(b, 12),
            SndMss = U32(b, 16),
            RcvMss = U32(b, 20),
            Unacked = U32(b, 24),
            Sacked = U32(b, 28),
            Lost = U32(b, 32),
            Retrans = U32(b, 36),
            LastDataSentMs = U32(b, 44),
            LastAckSentMs = U32(b, 48),
            LastDataRecvMs = U32(b, 52),
            LastAckRecvMs = U32(b, 56),
            Pmtu = U32(b, 60),
            RcvSsthresh = U32(b, 64),
            Rtt = U32(b, 68),
            RttVar = U32(b, 72),
            SndSsthresh = U32(b, 76),
            SndCwnd = U32(b, 80),
            AdvMss = U32(b, 84),
            Reordering = U32(b, 88),
            RcvRtt = U32(b, 92),
            RcvSpace = U32(b, 96),
            TotalRetrans = U32(b, 100),
            PacingRate = U64N(b, 104),
            MaxPacingRate = U64N(b, 112),
            BytesAcked = U64N(b, 120),
            BytesReceived = U64N(b, 128),
            SegsOut = U32N(b, 136),
            SegsIn = U32N(b, 140),
            NotsentBytes = U32N(b, 144),
            MinRtt = U32N(b, 148),
            DataSegsIn = U32N(b, 152),
            DataSegsOut = U32N(b, 156),
            DeliveryRate = U64N(b, 160),
            BusyTime = U64N(b, 168),
            RwndLimited = U64N(b, 176),
            SndbufLimited = U64N(b, 184),
            Delivered = U32N(b, 192),
            DeliveredCe = U32N(b, 196),
            BytesSent = U64N(b, 200),
            BytesRetrans = U64N(b, 208),
            DsackDups = U32N(b, 216),
            ReordSeen = U32N(b, 220),
            RcvOooPack = U32N(b, 224),
            SndWnd = U32N(b, 228),
            RcvWnd = U32N(b, 232),
            Rehash = U32N(b, 236),
            TotalRto = U16N(b, 240),
            TotalRtoRecoveries = U16N(b, 242),
            TotalRtoTimeMs = U32N(b, 244),
        };
    }

    private static uint U32(ReadOnlySpan<byte> b, int offset) => MemoryMarshal.Read<uint>(b[offset..]);

    private static uint? U32N(ReadOnlySpan<byte> b, int offset) =>
        b.Length >= offset + 4 ? MemoryMarshal.Read<uint>(b[offset..]) : null;

    private static ulong? U64N(ReadOnlySpan<byte> b, int offset) =>
        b.Length >= offset + 8 ? MemoryMarshal.Read<ulong>(b[offset..]) : null;

    private static ushort? U16N(ReadOnlySpan<byte> b, int offset) =>
        b.Length >= offset + 2 ? MemoryMarshal.Read<ushort>(b[offset..]) : null;
}
