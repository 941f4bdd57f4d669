using System.Buffers.Binary;

namespace TuneAdvisor.Tests.Collection.Netlink;

/// <summary>Builds synthetic netlink datagrams (host byte order, little-endian here) for edge cases no capture shows.</summary>
internal static class NetlinkBytes
{
    public static byte[] Message(ushort type, ushort flags, uint seq, byte[] payload)
    {
        int length = 16 + payload.Length;
        var bytes = new byte[(length + 3) & ~3];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), seq);
        payload.CopyTo(bytes, 16);
        return bytes;
    }

    public static byte[] Int(int value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        return b;
    }

    /// <summary>struct nlmsgerr: the error, then the 16-byte header of the request it answers.</summary>
    public static byte[] Error(int error, uint seq) => Message(2, 0, seq, [.. Int(error), .. Message(20, 0x301, seq, [])]);

    public static byte[] Done(uint seq, int status = 0, ushort flags = 2) => Message(3, flags, seq, Int(status));

    public static byte[] Attribute(ushort type, byte[] payload)
    {
        int length = 4 + payload.Length;
        var bytes = new byte[(length + 3) & ~3];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), type);
        payload.CopyTo(bytes, 4);
        return bytes;
    }

    /// <summary>A 72-byte inet_diag_msg for IPv4 127.0.0.1:sport -> 127.0.0.2:dport, followed by attributes.</summary>
    public static byte[] InetDiag(byte state, ushort sport, ushort dport, uint rq, uint wq, uint inode, params byte[][] attributes)
    {
        var m = new byte[72];
        m[0] = 2;
        m[1] = state;
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(4), sport);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(6), dport);
        m[8] = 127; m[11] = 1;
        m[24] = 127; m[27] = 2;
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(44), 0xDEADBEEF);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(48), 0x1);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(56), rq);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(60), wq);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(64), 1000);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(68), inode);
        return [.. m, .. attributes.SelectMany(a => a)];
    }
}
