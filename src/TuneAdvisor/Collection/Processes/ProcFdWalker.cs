using System.Runtime.CompilerServices;
using TuneAdvisor.Collection.Native;

namespace TuneAdvisor.Collection.Processes;

/// <summary>One fd that refers to a socket we report: (socket inode, pid, fd number).</summary>
public readonly record struct SocketFd(ulong Inode, int Pid, int Fd);

/// <summary>Why a process's fd table could not be read (EACCES without root, ENOTDIR in a broken tree...).</summary>
public readonly record struct UnreadableFdTable(int Pid, int Errno);

/// <summary>
/// Walks PROC/[0-9]*/fd like `ss -p` and snapfloor: readdir on each fd directory and readlinkat on each entry
/// into a stack buffer, so an fd costs a syscall and no allocation. Only links "socket:[INODE]" (with the inode in
/// the wanted set, when one is given) are kept. A process that exits during the walk is skipped; one whose fd table
/// cannot be read is reported, never thrown.
/// </summary>
internal static unsafe class ProcFdWalker
{
    private const int NameOffset = 19; // offsetof(struct dirent, d_name) on 64-bit glibc and musl

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
        var pids = ListPids(procRoot, out int rootFd, out int rootErrno);
        if (rootFd < 0)
        {
            result.RootErrno = rootErrno;
            return result;
        }
        try
        {
            byte* path = stackalloc byte[32];
            byte* link = stackalloc byte[64];
            foreach (var pid in pids)
            {
                WritePidFdPath(path, pid);
                int fdDir = LibC.OpenAt(rootFd, path, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
                if (fdDir < 0)
                {
                    int errno = LibC.LastError;
                    if (errno != LibC.ENOENT) // ENOENT: the process exited meanwhile
                        result.Unreadable.Add(new UnreadableFdTable(pid, errno));
                    continue;
                }
                int count = 0;
                int readErrno = ReadFdDirectory(fdDir, link, pid, wanted, result.Hits, ref count);
                if (readErrno != 0 && readErrno != LibC.ENOENT)
                    result.Unreadable.Add(new UnreadableFdTable(pid, readErrno));
                else
                    result.FdCounts[pid] = count;
            }
        }
        finally
        {
            LibC.Close(rootFd);
        }
        return result;
    }

    /// <summary>The numeric entries of the proc root; <paramref name="rootFd"/> stays open for openat (-1 on failure).</summary>
    private static List<int> ListPids(string procRoot, out int rootFd, out int errno)
    {
        var pids = new List<int>(512);
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(procRoot) + 1];
        System.Text.Encoding.UTF8.GetBytes(procRoot, bytes);
        fixed (byte* p = bytes)
            rootFd = LibC.OpenAt(LibC.AT_FDCWD, p, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
        if (rootFd < 0)
        {
            errno = LibC.LastError;
            return pids;
        }
        errno = 0;
        // A second descriptor for the listing: closedir closes the one it is given.
        byte* dot = stackalloc byte[] { (byte)'.', 0 };
        int listFd = LibC.OpenAt(rootFd, dot, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
        nint dir = listFd < 0 ? 0 : LibC.FdOpenDir(listFd);
        if (dir == 0)
        {
            errno = LibC.LastError;
            if (listFd >= 0)
                LibC.Close(listFd);
            LibC.Close(rootFd);
            rootFd = -1;
            return pids;
        }
        byte* entry;
        while ((entry = LibC.ReadDir(dir)) != null)
            if (TryParseInt(new ReadOnlySpan<byte>(entry + NameOffset, NameLength(entry + NameOffset)), out int pid))
                pids.Add(pid);
        LibC.CloseDir(dir);
        return pids;
    }

    /// <summary>Reads one fd directory (and closes <paramref name="fdDir"/>); returns 0 or the errno.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadFdDirectory(int fdDir, byte* link, int pid, HashSet<ulong>? wanted, List<SocketFd> hits, ref int count)
    {
        nint dir = LibC.FdOpenDir(fdDir);
        if (dir == 0)
        {
            int errno = LibC.LastError;
            LibC.Close(fdDir);
            return errno;
        }
        byte* entry;
        while ((entry = LibC.ReadDir(dir)) != null)
        {
            byte* name = entry + NameOffset;
            if (name[0] == (byte)'.')
                continue;
            count++;
            nint length = LibC.ReadLinkAt(fdDir, name, link, 64);
            // "socket:[" + digits + "]"
            if (length < 10 || length >= 64 || link[length - 1] != (byte)']' || !new ReadOnlySpan<byte>(link, 8).SequenceEqual("socket:["u8))
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
        int readErrno = LibC.LastError;
        LibC.CloseDir(dir);
        return readErrno;
    }

    private static int NameLength(byte* name)
    {
        int n = 0;
        while (name[n] != 0)
            n++;
        return n;
    }

    private static void WritePidFdPath(byte* path, int pid)
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
}
