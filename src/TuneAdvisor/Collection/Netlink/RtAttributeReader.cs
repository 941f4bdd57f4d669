using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Walks struct rtattr {u16 rta_len; u16 rta_type} attributes (netlink nlattr has the same layout). The type is
/// masked with 0x3FFF (NLA_F_NESTED / NLA_F_NET_BYTEORDER cleared). A malformed length stops the walk and sets
/// <see cref="Problem"/>.
/// </summary>
public ref struct RtAttributeReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _offset;

    public RtAttributeReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _offset = 0;
        Type = 0;
        Payload = default;
        Problem = null;
    }

    public ushort Type { get; private set; }
    public ReadOnlySpan<byte> Payload { get; private set; }
    public string? Problem { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        if (Problem is not null)
            return false;
        var rest = _buffer[Math.Min(_offset, _buffer.Length)..];
        if (rest.Length < 4)
        {
            if (rest.Length > 0)
                Problem = $"{rest.Length} trailing attribute bytes";
            return false;
        }
        ushort length = MemoryMarshal.Read<ushort>(rest);
        if (length < 4 || length > rest.Length)
        {
            Problem = $"attribute type {MemoryMarshal.Read<ushort>(rest[2..]) & NetlinkConstants.RtaTypeMask} claims {length} bytes but {rest.Length} remain";
            return false;
        }
        Type = (ushort)(MemoryMarshal.Read<ushort>(rest[2..]) & NetlinkConstants.RtaTypeMask);
        Payload = rest[4..length];
        _offset += NetlinkConstants.Align(length);
        return true;
    }
}
