using System.Runtime.InteropServices;
using System.Text;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Decodes the payload of one AF_UNIX SOCK_DIAG_BY_FAMILY reply: struct unix_diag_msg (16 bytes: family, type,
/// state, pad, inode u32 @4, cookie u32[2] @8) and its attributes NAME, VFS, PEER, RQLEN, MEMINFO.
/// </summary>
public static class UnixDiagParser
{
    /// <summary>sizeof(struct unix_diag_msg).</summary>
    public const int MessageSize = 16;

    public static bool TryParse(ReadOnlySpan<byte> payload, out UnixDiagSocket socket, out string? problem)
    {
        problem = null;
        if (payload.Length < MessageSize)
        {
            socket = default;
            problem = $"unix_diag_msg of {payload.Length} bytes, expected at least {MessageSize}";
            return false;
        }
        string? name = null;
        long? rqueue = null, wqueue = null;
        uint? peer = null, vfsInode = null, vfsDevice = null;
        Snapshots.SocketMemory? memory = null;
        var attributes = new RtAttributeReader(payload[MessageSize..]);
        while (attributes.MoveNext())
        {
            var data = attributes.Payload;
            switch (attributes.Type)
            {
                case NetlinkConstants.UNIX_DIAG_NAME:
                    name = FormatName(data);
                    break;
                case NetlinkConstants.UNIX_DIAG_VFS when data.Length >= 8:
                    vfsInode = MemoryMarshal.Read<uint>(data);
                    vfsDevice = MemoryMarshal.Read<uint>(data[4..]);
                    break;
                case NetlinkConstants.UNIX_DIAG_PEER when data.Length >= 4:
                    peer = MemoryMarshal.Read<uint>(data);
                    break;
                case NetlinkConstants.UNIX_DIAG_RQLEN when data.Length >= 8:
                    rqueue = MemoryMarshal.Read<uint>(data);
                    wqueue = MemoryMarshal.Read<uint>(data[4..]);
                    break;
                case NetlinkConstants.UNIX_DIAG_MEMINFO:
                    memory = SocketMemoryParser.Parse(data);
                    break;
            }
        }
        problem = attributes.Problem;
        socket = new UnixDiagSocket
        {
            Type = payload[1],
            State = payload[2],
            Inode = MemoryMarshal.Read<uint>(payload[4..]),
            Cookie = MemoryMarshal.Read<uint>(payload[8..]) | (ulong)MemoryMarshal.Read<uint>(payload[12..]) << 32,
            Name = name,
            RecvQueue = rqueue,
            SendQueue = wqueue,
            PeerInode = peer,
            VfsInode = vfsInode,
            VfsDevice = vfsDevice,
            Memory = memory,
            Problem = problem,
        };
        return true;
    }

    /// <summary>
    /// ss's rendering of sun_path: a path up to its first NUL; an abstract name (leading NUL) with every NUL
    /// shown as '@'. An empty name is null (unnamed).
    /// </summary>
    public static string? FormatName(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
            return null;
        if (data[0] != 0)
        {
            int nul = data.IndexOf((byte)0);
            return Encoding.UTF8.GetString(nul >= 0 ? data[..nul] : data);
        }
        var chars = Encoding.UTF8.GetString(data).ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (chars[i] == '\0')
                chars[i] = '@';
        return new string(chars);
    }
}
