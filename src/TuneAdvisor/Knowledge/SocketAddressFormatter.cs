using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace TuneAdvisor.Knowledge;

/// <summary>
/// Formats socket addresses the way `ss -n` (iproute2 6.x) prints them: IPv4 as dotted quad ("0.0.0.0" included),
/// IPv6 in brackets ("[::1]:443"), the IPv6 wildcard of a dual-stack (not v6only) socket as "*", port 0 as "*",
/// and a bound interface as "addr%ifname:port". Unlike ss, IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are
/// normalised to plain IPv4. Bare addresses are cached, since most sockets share a handful of them, and so are
/// recent "addr:port" strings: every connection to a server's port shares its local one.
/// </summary>
public sealed class SocketAddressFormatter
{
    private readonly Func<uint, string?> _interfaceName;
    private readonly Dictionary<(UInt128 Address, int Kind), string> _bare = new();
    private readonly Dictionary<uint, string> _interfaces = new();

    /// <summary>A direct-mapped cache of <see cref="Full"/>: constant size, a repeat is a hit, a miss just replaces.</summary>
    private readonly (string Bare, int Port, uint IfIndex, string Full)[] _recent = new (string, int, uint, string)[RecentSlots];
    private const int RecentSlots = 4096;

    /// <param name="interfaceName">Resolves an ifindex to its name (null: print the number).</param>
    public SocketAddressFormatter(Func<uint, string?>? interfaceName = null) =>
        _interfaceName = interfaceName ?? (_ => null);

    /// <summary>
    /// The address alone as ss prints it, without brackets: "127.0.0.1", "::1", "*" (dual-stack IPv6 wildcard).
    /// <paramref name="address"/> holds 4 (AF_INET) or 16 (AF_INET6) bytes in network order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Bare(int family, ReadOnlySpan<byte> address, bool v6only)
    {
        if (family == NetlinkConstants.AF_INET6 && address.Length >= 16 && IsV4Mapped(address))
            return Bare(NetlinkConstants.AF_INET, address[12..16], false);
        if (family == NetlinkConstants.AF_INET)
        {
            uint v4 = (uint)(address[0] << 24 | address[1] << 16 | address[2] << 8 | address[3]);
            var key4 = ((UInt128)v4, 4);
            if (!_bare.TryGetValue(key4, out var s4))
                _bare[key4] = s4 = FormatV4(address);
            return s4;
        }
        var bytes = address[..16];
        var value = new UInt128(
            (ulong)bytes[0] << 56 | (ulong)bytes[1] << 48 | (ulong)bytes[2] << 40 | (ulong)bytes[3] << 32 | (ulong)bytes[4] << 24 | (ulong)bytes[5] << 16 | (ulong)bytes[6] << 8 | bytes[7],
            (ulong)bytes[8] << 56 | (ulong)bytes[9] << 48 | (ulong)bytes[10] << 40 | (ulong)bytes[11] << 32 | (ulong)bytes[12] << 24 | (ulong)bytes[13] << 16 | (ulong)bytes[14] << 8 | bytes[15]);
        var key = (value, value == UInt128.Zero && !v6only ? 5 : 6);
        if (!_bare.TryGetValue(key, out var s))
            _bare[key] = s = key.Item2 == 5 ? "*" : new IPAddress(bytes).ToString();
        return s;
    }

    /// <summary>"addr:port" as ss prints it, from a bare address of <see cref="Bare"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Full(string bare, int port, uint ifindex)
    {
        ref var slot = ref _recent[(int)((uint)HashCode.Combine(bare, port, ifindex) % RecentSlots)];
        if (slot.Port == port && slot.IfIndex == ifindex && slot.Full is not null && string.Equals(slot.Bare, bare, StringComparison.Ordinal))
            return slot.Full;
        var full = Format(bare, port, ifindex);
        slot = (bare, port, ifindex, full);
        return full;
    }

    private string Format(string bare, int port, uint ifindex)
    {
        Span<char> buffer = stackalloc char[96 + 16];
        int n = 0;
        bool bracket = bare.Contains(':');
        if (bracket)
            buffer[n++] = '[';
        bare.AsSpan().CopyTo(buffer[n..]);
        n += bare.Length;
        if (bracket)
            buffer[n++] = ']';
        if (ifindex != 0)
        {
            var name = InterfaceName(ifindex);
            if (n + 1 + name.Length + 8 > buffer.Length)
                return $"{buffer[..n]}%{name}:{(port == 0 ? "*" : port.ToString(CultureInfo.InvariantCulture))}";
            buffer[n++] = '%';
            name.AsSpan().CopyTo(buffer[n..]);
            n += name.Length;
        }
        buffer[n++] = ':';
        if (port == 0)
            buffer[n++] = '*';
        else
        {
            port.TryFormat(buffer[n..], out int written, provider: CultureInfo.InvariantCulture);
            n += written;
        }
        return new string(buffer[..n]);
    }

    public static bool IsV4Mapped(ReadOnlySpan<byte> a) =>
        a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0 &&
        a[8] == 0 && a[9] == 0 && a[10] == 0xFF && a[11] == 0xFF;

    private string InterfaceName(uint ifindex)
    {
        if (!_interfaces.TryGetValue(ifindex, out var name))
            _interfaces[ifindex] = name = _interfaceName(ifindex) ?? ifindex.ToString(CultureInfo.InvariantCulture);
        return name;
    }

    private static string FormatV4(ReadOnlySpan<byte> a)
    {
        Span<char> buffer = stackalloc char[15];
        int n = 0;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
                buffer[n++] = '.';
            a[i].TryFormat(buffer[n..], out int written, provider: CultureInfo.InvariantCulture);
            n += written;
        }
        return new string(buffer[..n]);
    }
}
