using System.Runtime.InteropServices;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Decodes the u32 array of INET_DIAG_SKMEMINFO / UNIX_DIAG_MEMINFO (SK_MEMINFO_*: rmem_alloc, rcvbuf, wmem_alloc,
/// sndbuf, fwd_alloc, wmem_queued, optmem, backlog, drops). backlog (3.x) and drops (4.x) are null when absent.
/// </summary>
public static class SocketMemoryParser
{
    public static SocketMemory? Parse(ReadOnlySpan<byte> b)
    {
        if (b.Length < 7 * 4)
            return null;
        return new SocketMemory(
            At(b, 0), At(b, 1), At(b, 2), At(b, 3), At(b, 4), At(b, 5), At(b, 6),
            b.Length >= 8 * 4 ? At(b, 7) : null,
            b.Length >= 9 * 4 ? At(b, 8) : null);
    }

    private static long At(ReadOnlySpan<byte> b, int index) => MemoryMarshal.Read<uint>(b[(index * 4)..]);
}
