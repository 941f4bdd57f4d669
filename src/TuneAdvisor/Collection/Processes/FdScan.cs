using System.Runtime.CompilerServices;
using TuneAdvisor.IO;
using TuneAdvisor.IO.Native;

namespace TuneAdvisor.Collection.Processes;

/// <summary>One fd that refers to a socket we report: (socket inode, pid, fd number).</summary>
public readonly record struct SocketFd(ulong Inode, int Pid, int Fd);

/// <summary>Why a process's fd table could not be read (EACCES without root, ENOTDIR in a broken tree...).</summary>
public readonly record struct UnreadableFdTable(int Pid, int Errno);

/// <summary>
/// Walks PROC/[0-9]*/fd like `ss -p` and snapfloor: readdir on each fd directory and readlinkat on each entry
/// into a stack buffer, so an fd costs a syscall and no allocation (<see cref="SharedFdWalk"/> shares the work among
/// threads). Only links "socket:[INODE]" (with the inode in the wanted set, when one is given) are kept. A process
/// that exits during the walk is skipped; one whose fd table cannot be read is reported, never thrown.
/// </summary>
internal static unsafe class FdScan
{
    internal const int NameOffset = 19; // offsetof(struct dirent, d_name) on 64-bit glibc and musl

    public sealed class Result
    {
        public List<SocketFd> Hits { get; } = new(1024);
        /// <summary>Entries in each readable fd directory, by pid.</summary>
        public Dictionary<int, int> FdCounts { get; } = new();
        public List<UnreadableFdTable> Unreadable { get; } = new();
        /// <summary>errno of opening the proc root itself (0 when it opened).</summary>
        public int RootErrno { get; set; }
    }

    /// <summary>Walks every process on this thread; keeps socket fds whose inode is in <paramref name="wanted"/> (every socket fd when null).</summary>
    public static Result Walk(string procRoot, HashSet<ulong>? wanted)
    {
        using var walk = SharedFdWalk.Open(procRoot, wanted);
        walk.Work();
        return walk.Result();
    }

    /// <summary>The numeric entries of the proc root; <paramref name="rootFd"/> stays open for openat (-1 on failure).</summary>
    internal static List<int> ListPids(string procRoot, out int rootFd, out int errno)
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

    internal static int NameLength(byte* name)
    {
        int n = 0;
        while (name[n] != 0)
            n++;
        return n;
    }

    /// <summary>"PID/fd\0" into <paramref name="path"/> (at least 15 bytes).</summary>
    internal static void WritePidFdPath(byte* path, int pid)
    {
        int n = WriteDigits(path, pid);
        path[n++] = (byte)'/';
        path[n++] = (byte)'f';
        path[n++] = (byte)'d';
        path[n] = 0;
    }

    /// <summary>A non-negative number as a NUL-terminated decimal string (at least 12 bytes).</summary>
    internal static void WriteDecimal(byte* text, int value) => text[WriteDigits(text, value)] = 0;

    private static int WriteDigits(byte* text, int value)
    {
        Span<byte> digits = stackalloc byte[11];
        int d = 0;
        uint v = (uint)value;
        do { digits[d++] = (byte)('0' + v % 10); v /= 10; } while (v != 0);
        int n = 0;
        while (d > 0)
            text[n++] = digits[--d];
        return n;
    }

    internal static bool TryParseInt(ReadOnlySpan<byte> text, out int value)
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
