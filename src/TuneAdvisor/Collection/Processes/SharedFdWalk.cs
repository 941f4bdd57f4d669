using System.Runtime.CompilerServices;
using TuneAdvisor.IO.Native;

namespace TuneAdvisor.Collection.Processes;

/// <summary>
/// One walk of PROC/[0-9]*/fd that any number of threads can work on at once (<see cref="Work"/>), so the thread
/// that dumps the sockets can join the walk when its dump is done instead of waiting for it. Work is handed out in
/// batches of <see cref="BatchSize"/> fds of one process: a thread lists a process's fd directory, then every
/// thread takes batches of it until none is left, so a process with 50 000 sockets is shared, not one thread's
/// tail. Each thread keeps its own hits; <see cref="Result"/> merges them once every thread is done.
/// </summary>
internal sealed unsafe class SharedFdWalk : IDisposable
{
    /// <summary>About a millisecond of readlinkat calls: coarse enough that the lock is rare, fine enough to balance.</summary>
    internal const int BatchSize = 256;

    private readonly object _gate = new();
    private readonly int _rootFd;
    private readonly int _rootErrno;
    private readonly List<int> _pids;
    private readonly HashSet<ulong>? _wanted;
    private readonly List<FdTable> _open = [];
    private readonly List<FdScan.Result> _parts = [];
    private int _nextPid;
    private int _listing;

    /// <summary>A listed fd directory: its fd numbers, how far they are handed out, and how many threads read it now.</summary>
    private sealed class FdTable(int pid, int dirFd, List<int> fds)
    {
        public int Pid { get; } = pid;
        public int DirFd { get; } = dirFd;
        public List<int> Fds { get; } = fds;
        public int Next { get; set; }
        public int Active { get; set; }
    }

    private SharedFdWalk(int rootFd, int rootErrno, List<int> pids, HashSet<ulong>? wanted)
    {
        _rootFd = rootFd;
        _rootErrno = rootErrno;
        _pids = pids;
        _wanted = wanted;
    }

    /// <summary>Lists the pids under <paramref name="procRoot"/>; keeps socket fds whose inode is in <paramref name="wanted"/> (all when null).</summary>
    public static SharedFdWalk Open(string procRoot, HashSet<ulong>? wanted)
    {
        var pids = FdScan.ListPids(procRoot, out int rootFd, out int errno);
        return new SharedFdWalk(rootFd, errno, pids, wanted);
    }

    /// <summary>Walks until nothing is left to hand out; safe to call from several threads at once.</summary>
    public void Work()
    {
        if (_rootFd < 0)
            return;
        var part = new FdScan.Result();
        lock (_gate)
            _parts.Add(part);
        byte* path = stackalloc byte[32];
        byte* link = stackalloc byte[64];
        while (true)
        {
            FdTable? table = null;
            int start = 0, end = 0, pid = -1;
            lock (_gate)
            {
                while (true)
                {
                    table = _open.Find(t => t.Next < t.Fds.Count);
                    if (table is not null)
                    {
                        start = table.Next;
                        end = Math.Min(start + BatchSize, table.Fds.Count);
                        table.Next = end;
                        table.Active++;
                        break;
                    }
                    if (_nextPid < _pids.Count)
                    {
                        pid = _pids[_nextPid++];
                        _listing++;
                        break;
                    }
                    if (_listing == 0)
                        return;
                    // Another thread is listing a directory that may be large: wait for it rather than leave it alone.
                    Monitor.Wait(_gate);
                }
            }
            if (table is not null)
            {
                try
                {
                    ReadLinks(table, start, end, link, part.Hits);
                }
                finally
                {
                    Release(table);
                }
                continue;
            }
            FdTable? listed = null;
            try
            {
                listed = List(pid, path, part);
            }
            finally
            {
                lock (_gate)
                {
                    if (listed is not null)
                        _open.Add(listed);
                    _listing--;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    /// <summary>Every thread's findings together; call once all <see cref="Work"/> calls have returned.</summary>
    public FdScan.Result Result()
    {
        var result = new FdScan.Result { RootErrno = _rootFd < 0 ? _rootErrno : 0 };
        foreach (var part in _parts)
        {
            result.Hits.AddRange(part.Hits);
            foreach (var (pid, count) in part.FdCounts)
                result.FdCounts[pid] = count;
            result.Unreadable.AddRange(part.Unreadable);
        }
        return result;
    }

    public void Dispose()
    {
        if (_rootFd >= 0)
            LibC.Close(_rootFd);
        foreach (var table in _open)
            LibC.Close(table.DirFd);
        _open.Clear();
    }

    /// <summary>Opens and lists PID/fd; null when there is nothing to read (gone, unreadable or empty).</summary>
    private FdTable? List(int pid, byte* path, FdScan.Result part)
    {
        FdScan.WritePidFdPath(path, pid);
        int dirFd = LibC.OpenAt(_rootFd, path, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
        if (dirFd < 0)
        {
            int errno = LibC.LastError;
            if (errno != LibC.ENOENT) // ENOENT: the process exited meanwhile
                part.Unreadable.Add(new UnreadableFdTable(pid, errno));
            return null;
        }
        var fds = new List<int>();
        int listErrno = ListFds(dirFd, fds, out int count);
        if (listErrno != 0 && listErrno != LibC.ENOENT)
            part.Unreadable.Add(new UnreadableFdTable(pid, listErrno));
        else
            part.FdCounts[pid] = count;
        if (fds.Count == 0)
        {
            LibC.Close(dirFd);
            return null;
        }
        return new FdTable(pid, dirFd, fds);
    }

    /// <summary>The numeric entries of an fd directory (read through a second descriptor: closedir closes its own).</summary>
    private static int ListFds(int dirFd, List<int> fds, out int count)
    {
        count = 0;
        byte* dot = stackalloc byte[] { (byte)'.', 0 };
        int listFd = LibC.OpenAt(dirFd, dot, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
        nint dir = listFd < 0 ? 0 : LibC.FdOpenDir(listFd);
        if (dir == 0)
        {
            int errno = LibC.LastError;
            if (listFd >= 0)
                LibC.Close(listFd);
            return errno;
        }
        byte* entry;
        while ((entry = LibC.ReadDir(dir)) != null)
        {
            byte* name = entry + FdScan.NameOffset;
            if (name[0] == (byte)'.')
                continue;
            count++;
            if (FdScan.TryParseInt(new ReadOnlySpan<byte>(name, FdScan.NameLength(name)), out int fd))
                fds.Add(fd);
        }
        int readErrno = LibC.LastError;
        LibC.CloseDir(dir);
        return readErrno;
    }

    private void Release(FdTable table)
    {
        bool close;
        lock (_gate)
        {
            table.Active--;
            close = table.Next >= table.Fds.Count && table.Active == 0;
            if (close)
                _open.Remove(table);
        }
        if (close)
            LibC.Close(table.DirFd);
    }

    /// <summary>readlinkat on fds [start, end) of one table; keeps "socket:[INODE]" links of wanted inodes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadLinks(FdTable table, int start, int end, byte* link, List<SocketFd> hits)
    {
        byte* name = stackalloc byte[12];
        for (int i = start; i < end; i++)
        {
            int fd = table.Fds[i];
            FdScan.WriteDecimal(name, fd);
            nint length = LibC.ReadLinkAt(table.DirFd, name, link, 64);
            // "socket:[" + digits + "]"; a failed readlinkat (the fd was closed meanwhile) is -1 and skipped.
            if (length < 10 || length >= 64 || link[length - 1] != (byte)']' || !new ReadOnlySpan<byte>(link, 8).SequenceEqual("socket:["u8))
                continue;
            ulong inode = 0;
            bool ok = true;
            for (nint j = 8; j < length - 1; j++)
            {
                uint digit = (uint)(link[j] - '0');
                if (digit > 9)
                {
                    ok = false;
                    break;
                }
                inode = inode * 10 + digit;
            }
            if (ok && (_wanted is null || _wanted.Contains(inode)))
                hits.Add(new SocketFd(inode, table.Pid, fd));
        }
    }
}
