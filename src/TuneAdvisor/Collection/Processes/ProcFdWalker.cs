using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TuneAdvisor.Collection.Native;

namespace TuneAdvisor.Collection.Processes;

/// <summary>One fd that refers to a socket we report: (socket inode, pid, fd number).</summary>
public readonly record struct SocketFd(ulong Inode, int Pid, int Fd);

/// <summary>Why a process's fd table could not be read (EACCES without root, ENOTDIR in a broken tree...).</summary>
public readonly record struct UnreadableFdTable(int Pid, int Errno);

/// <summary>
/// Walks PROC/[0-9]*/fd like `ss -p` and snapfloor: getdents64 on each fd directory and readlinkat on each entry
/// into stack buffers, so an fd costs two syscalls and no allocation. Only links "socket:[INODE]" whose inode is in
/// the wanted set are kept. A process that exits during the walk is skipped; one whose fd table cannot be read is
/// reported, never thrown.
/// </summary>
internal static unsafe class ProcFdWalker
{
    private const int DirentBufferSize = 32 * 1024;

    public sealed class Result
    {
        public List<SocketFd> Hits { get; } = new(1024);
        /// <summary>Entries in each readable fd directory, by pid.</summary>
        public Dictionary<int, int> FdCounts { get; } = new();
        public List<UnreadableFdTable> Unreadable { get; } = new();
        /// <summary>errno of opening the proc root itself (0 when it opened).</summary>
        public int RootErrno { get; set; }
    }

    /// <summary>Walks every process; keeps socket fds whose inode is in <paramref name="wanted"/> (every socket fd when null).</summary>
    public static Result Walk(string procRoot, HashSet<ulong>? wanted)
    {
        var result = new Result();
        var rootPath = NulTerminated(procRoot);
        int rootFd;
        fixed (byte* p = rootPath)
            rootFd = LibC.OpenAt(LibC.AT_FDCWD, p, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
        if (rootFd < 0)
        {
            result.RootErrno = LibC.LastError;
            return result;
        }
        var pids = new List<int>(512);
        byte* dirents = (byte*)NativeMemory.Alloc(DirentBufferSize);
        try
        {
            ForEachEntry(rootFd, dirents, (name, _) =>
            {
                if (TryParseInt(name, out int pid))
                    pids.Add(pid);
            });
            byte* path = stackalloc byte[32];
            byte* link = stackalloc byte[64];
            foreach (var pid in pids)
            {
                int n = WritePidFdPath(path, pid);
                int fdDir = LibC.OpenAt(rootFd, path, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
                if (fdDir < 0)
                {
                    int errno = LibC.LastError;
                    if (errno != LibC.ENOENT) // ENOENT: the process exited meanwhile
                        result.Unreadable.Add(new UnreadableFdTable(pid, errno));
                    continue;
                }
                int count = 0;
                int readErrno = ReadFdDirectory(fdDir, dirents, link, pid, wanted, result.Hits, ref count);
                LibC.Close(fdDir);
                if (readErrno != 0 && readErrno != LibC.ENOENT)
                    result.Unreadable.Add(new UnreadableFdTable(pid, readErrno));
                else
                    result.FdCounts[pid] = count;
            }
        }
        finally
        {
            NativeMemory.Free(dirents);
            LibC.Close(rootFd);
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadFdDirectory(int fdDir, byte* dirents, byte* link, int pid, HashSet<ulong>? wanted, List<SocketFd> hits, ref int count)
    {
        while (true)
        {
            nint read = LibC.GetDents64(fdDir, dirents, DirentBufferSize);
            if (read == 0)
                return 0;
            if (read < 0)
                return LibC.LastError;
            for (nint offset = 0; offset < read;)
            {
                byte* entry = dirents + offset;
                ushort reclen = *(ushort*)(entry + 16);
                byte* name = entry + 19;
                offset += reclen;
                if (name[0] == (byte)'.')
                    continue;
                count++;
                nint length = LibC.ReadLinkAt(fdDir, name, link, 64);
                // "socket:[" + digits + "]"
                if (length < 10 || length >= 64 || !new ReadOnlySpan<byte>(link, 8).SequenceEqual("socket:["u8) || link[length - 1] != (byte)']')
                    continue;
                ulong inode = 0;
                bool ok = true;
                for (nint i = 8; i < length - 1; i++)
                {
                    uint digit = (uint)(link[i] - '0');
                    if (digit > 9) { ok = false; break; }
                    inode = inode * 10 + digit;
                }
                if (ok && (wanted is null || wanted.Contains(inode)) && TryParseInt(new ReadOnlySpan<byte>(name, NameLength(name)), out int fd))
                    hits.Add(new SocketFd(inode, pid, fd));
            }
        }
    }

    private delegate void EntryAction(ReadOnlySpan<byte> name, byte type);

    private static void ForEachEntry(int dirFd, byte* buffer, EntryAction action)
    {
        while (true)
        {
            nint read = LibC.GetDents64(dirFd, buffer, DirentBufferSize);
            if (read <= 0)
                return;
            for (nint offset = 0; offset < read;)
            {
                byte* entry = buffer + offset;
                ushort reclen = *(ushort*)(entry + 16);
                offset += reclen;
                byte* name = entry + 19;
                action(new ReadOnlySpan<byte>(name, NameLength(name)), entry[18]);
            }
        }
    }

    private static int NameLength(byte* name)
    {
        int n = 0;
        while (name[n] != 0)
            n++;
        return n;
    }

    private static int WritePidFdPath(byte* path, int pid)
    {
        Span<byte> digits = stackalloc byte[11];
        int d = 0;
        uint v = (uint)pid;
        do { digits[d++] = (byte)('0' + v % 10); v /= 10; } while (v != 0);
        int n = 0;
        while (d > 0)
            path[n++] = digits[--d];
        path[n++] = (byte)'/';
        path[n++] = (byte)'f';
        path[n++] = (byte)'d';
        path[n] = 0;
        return n;
    }

    private static bool TryParseInt(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 10)
            return false;
        long v = 0;
        foreach (var c in text)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9)
                return false;
            v = v * 10 + digit;
        }
        if (v > int.MaxValue)
            return false;
        value = (int)v;
        return true;
    }

    private static byte[] NulTerminated(string path)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }
}
