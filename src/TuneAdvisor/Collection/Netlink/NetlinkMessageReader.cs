using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Walks the netlink messages of one buffer (one datagram, or several captured datagrams back to back) with
/// NLMSG_ALIGN. Host byte order, as the kernel writes it. A message whose length does not fit stops the walk and
/// sets <see cref="Problem"/>; nothing is copied.
/// </summary>
public ref struct NetlinkMessageReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _offset;

    public NetlinkMessageReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _offset = 0;
        Current = default;
        Problem = null;
    }

    public NetlinkMessage Current { get; private set; }

    /// <summary>Why the walk stopped early (a truncated or malformed message), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Byte offset of <see cref="Current"/> in the buffer.</summary>
    public int Offset { get; private set; }

    public readonly NetlinkMessageReader GetEnumerator() => this;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        if (_offset >= _buffer.Length || Problem is not null)
            return false;
        var rest = _buffer[_offset..];
        if (rest.Length < NetlinkConstants.HeaderSize)
        {
            Problem = $"{rest.Length} trailing bytes at offset {_offset} are shorter than a netlink header";
            return false;
        }
        uint length = MemoryMarshal.Read<uint>(rest);
        if (length < NetlinkConstants.HeaderSize || length > (uint)rest.Length)
        {
            Problem = $"netlink message at offset {_offset} claims {length} bytes but {rest.Length} remain (truncated or malformed)";
            return false;
        }
        Current = new NetlinkMessage(
            MemoryMarshal.Read<ushort>(rest[4..]),
            MemoryMarshal.Read<ushort>(rest[6..]),
            MemoryMarshal.Read<uint>(rest[8..]),
            MemoryMarshal.Read<uint>(rest[12..]),
            rest[NetlinkConstants.HeaderSize..(int)length]);
        Offset = _offset;
        _offset += Math.Min(NetlinkConstants.Align((int)length), rest.Length);
        return true;
    }
}
