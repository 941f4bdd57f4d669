using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;
using TuneAdvisor.IO.Native;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Processes;

/// <summary>
/// Socket inode → the processes holding it (pid, comm, fd), built once per sample by one walk of PROC/[0-9]*/fd
/// for just the inodes we report. One inode can be held by several pids (a listener inherited by pre-forked
/// workers). Also the <see cref="ProcessInfo"/> of every such process: command line, fd count and open-file limits.
/// Unreadable parts are unknown, with a note; nothing here throws for a vanished or forbidden process.
/// </summary>
public sealed class SocketProcessMap
{
    private readonly Dictionary<ulong, ImmutableArray<ProcessRef>> _byInode;

    private SocketProcessMap(Dictionary<ulong, ImmutableArray<ProcessRef>> byInode, Dictionary<int, ProcessInfo> processes,
        ImmutableArray<Diagnostic> notes, bool walked, HashSet<ulong>? ownSockets = null)
    {
        _byInode = byInode;
        OwnSockets = ownSockets ?? [];
        Processes = processes;
        Notes = notes;
        Walked = walked;
    }

    public static SocketProcessMap Empty { get; } = new(new(), new(), [], false);

    /// <summary>Every process that holds at least one mapped socket, by pid, and every process whose fd table could not be read for want of privilege (its fd count unknown).</summary>
    public IReadOnlyDictionary<int, ProcessInfo> Processes { get; }

    /// <summary>What could not be read, as notes for the sample.</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>
    /// Socket inodes held by this process alone (the .NET runtime's diagnostic IPC listener under JIT): the tool's
    /// own, which the snapshot leaves out. A set, so the check reads no holder list.
    /// </summary>
    public IReadOnlySet<ulong> OwnSockets { get; }

    /// <summary>The process directory could be listed at all.</summary>
    public bool Walked { get; }

    /// <summary>The holders of a socket inode sorted by pid then fd; empty for 0/null (requests, TIME-WAIT) or when unknown.</summary>
    public ImmutableArray<ProcessRef> For(ulong? inode) =>
        inode is { } i && i != 0 && _byInode.TryGetValue(i, out var refs) ? refs : [];

    /// <summary>Walks PROC/[0-9]*/fd now, keeping only the wanted socket inodes.</summary>
    public static SocketProcessMap Build(string procRoot, HashSet<ulong> wanted) =>
        FromWalk(procRoot, FdScan.Walk(procRoot, wanted), wanted);

    /// <summary>
    /// Starts the fd walk on another thread, so it overlaps the socket dump (both are mostly kernel time, and a
    /// host has at least two CPUs more often than not); <see cref="SocketProcessScan.Complete"/> then joins it on the
    /// calling thread. It records every socket fd; Complete keeps the wanted inodes and reads details only for the
    /// processes holding them.
    /// </summary>
    public static SocketProcessScan BeginScan(string procRoot)
    {
        var walk = SharedFdWalk.Open(procRoot, null);
        return new(procRoot, walk, Task.Factory.StartNew(walk.Work, CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    internal static SocketProcessMap FromWalk(string procRoot, FdScan.Result walk, HashSet<ulong> wanted)
    {
        var notes = ImmutableArray.CreateBuilder<Diagnostic>();
        if (walk.RootErrno != 0)
        {
            notes.Add(Diagnostic.Create(KnownDiagnostics.SourceUnavailable, SourceSpan.File(procRoot),
                $"{procRoot}: cannot list processes ({LibC.ErrnoName(walk.RootErrno)}); sockets have no process"));
            return new SocketProcessMap(new(), new(), notes.ToImmutable(), false);
        }
        AddUnreadableNotes(procRoot, walk.Unreadable, notes);

        walk.Hits.RemoveAll(h => !wanted.Contains(h.Inode));
        var processes = new Dictionary<int, ProcessInfo>();
        var names = new Dictionary<int, string?>();
        foreach (var hit in walk.Hits)
        {
            if (names.ContainsKey(hit.Pid))
                continue;
            var info = ReadProcess(procRoot, hit.Pid, walk.FdCounts.TryGetValue(hit.Pid, out var c) ? c : null);
            names[hit.Pid] = info?.Name;
            if (info is not null)
                processes[hit.Pid] = info;
        }

        walk.Hits.Sort((a, b) => a.Inode != b.Inode ? a.Inode.CompareTo(b.Inode) : a.Pid != b.Pid ? a.Pid.CompareTo(b.Pid) : a.Fd.CompareTo(b.Fd));
        var byInode = new Dictionary<ulong, ImmutableArray<ProcessRef>>(walk.Hits.Count);
        var own = new HashSet<ulong>();
        int self = Environment.ProcessId;
        var hits = walk.Hits;
        for (int start = 0; start < hits.Count;)
        {
            int end = start + 1;
            while (end < hits.Count && hits[end].Inode == hits[start].Inode)
                end++;
            // Nearly every socket has one holder: one array, no builder.
            if (end == start + 1)
            {
                if (hits[start].Pid == self)
                    own.Add(hits[start].Inode);
                if (names[hits[start].Pid] is { } only)
                    byInode[hits[start].Inode] = [new ProcessRef(hits[start].Pid, only, hits[start].Fd)];
                start = end;
                continue;
            }
            var refs = ImmutableArray.CreateBuilder<ProcessRef>(end - start);
            for (int i = start; i < end; i++)
                if (names[hits[i].Pid] is { } name)
                    refs.Add(new ProcessRef(hits[i].Pid, name, hits[i].Fd));
            if (refs.Count > 0)
                byInode[hits[start].Inode] = refs.Count == refs.Capacity ? refs.MoveToImmutable() : refs.ToImmutable();
            start = end;
        }
        AddUnreadableProcesses(procRoot, walk.Unreadable, processes);
        return new SocketProcessMap(byInode, processes, notes.ToImmutable(), true, own);
    }

    private static void AddUnreadableNotes(string procRoot, List<UnreadableFdTable> unreadable, ImmutableArray<Diagnostic>.Builder notes)
    {
        foreach (var group in unreadable.GroupBy(u => u.Errno).OrderBy(g => g.Key))
        {
            var pids = group.Select(u => u.Pid).Order().ToList();
            var sample = string.Join(", ", pids.Take(5).Select(p => Path.Combine(procRoot, p.ToString(CultureInfo.InvariantCulture), "fd")));
            var more = pids.Count > 5 ? $" and {pids.Count - 5} more" : "";
            var message = group.Key is LibC.EACCES or LibC.EPERM
                // The one note a run without privileges gives, in every report: what is unknown, why, and what to do.
                ? $"not run as root: the open files of {pids.Count} process(es) of other users could not be read ({LibC.ErrnoName(group.Key)}: {sample}{more}), "
                  + "so the sockets they hold show process unknown, their fd counts are unknown, and rules that need them are not evaluated; run as root to see them"
                : $"{pids.Count} process fd table(s) unreadable ({LibC.ErrnoName(group.Key)}): {sample}{more}; sockets held only by them show no process";
            notes.Add(Diagnostic.Create(KnownDiagnostics.SourceUnavailable, SourceSpan.File(procRoot), message));
        }
    }

    /// <summary>
    /// The processes whose fd table could not be read for want of privilege, as processes with their fd count
    /// unknown (their name, command line and limits are world-readable), so rules over processes say "not evaluated"
    /// for them instead of leaving them out. Kernel threads (no command line) hold no sockets and are left out.
    /// </summary>
    private static void AddUnreadableProcesses(string procRoot, List<UnreadableFdTable> unreadable, Dictionary<int, ProcessInfo> processes)
    {
        foreach (var (pid, errno) in unreadable)
        {
            if (errno is not (LibC.EACCES or LibC.EPERM) || processes.ContainsKey(pid))
                continue;
            if (ReadProcess(procRoot, pid, null) is { CommandLine.Length: > 0 } info)
                processes[pid] = info with { Note = $"its open files (/proc/{pid}/fd) could not be read ({LibC.ErrnoName(errno)}: not run as root), so its fd count is unknown and which sockets it holds is not known" };
        }
    }

    /// <summary>Null when the process is gone (its stat vanished): it is skipped, not an error.</summary>
    private static ProcessInfo? ReadProcess(string procRoot, int pid, int? fdCount)
    {
        var dir = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture));
        var problems = new List<string>(0);
        var reader = new BoundedFileReader();
        var stat = ReadText(reader, Path.Combine(dir, "stat"), problems, out bool gone);
        if (gone)
            return null;
        var name = stat is null ? null : ProcessFileParser.Comm(stat);
        if (stat is not null && name is null)
            problems.Add("stat: no (comm)");
        string? commandLine = null;
        var cmdline = reader.TryReadBytes(Path.Combine(dir, "cmdline"), out var bytes);
        if (cmdline == ReadStatus.Ok)
            commandLine = ProcessFileParser.CommandLine(bytes);
        else
            problems.Add("cmdline: " + Why(reader, cmdline));
        long? soft = null, hard = null;
        var limits = ReadText(reader, Path.Combine(dir, "limits"), problems, out _);
        if (limits is not null)
        {
            (soft, hard) = ProcessFileParser.NofileLimits(limits, out var problem);
            if (problem is not null)
                problems.Add("limits: " + problem);
        }
        if (fdCount is null)
            problems.Add("fd: unreadable, fd count unknown");
        return new ProcessInfo
        {
            Pid = pid,
            Name = name ?? "?",
            CommandLine = commandLine,
            FdCount = fdCount,
            NofileSoft = soft,
            NofileHard = hard,
            Note = problems.Count == 0 ? null : string.Join("; ", problems),
        };
    }

    private static string? ReadText(BoundedFileReader reader, string path, List<string> problems, out bool gone)
    {
        var status = reader.TryRead(path, out var text);
        gone = status == ReadStatus.Missing;
        if (status == ReadStatus.Ok)
            return text;
        if (!gone)
            problems.Add($"{Path.GetFileName(path)}: {Why(reader, status)}");
        return null;
    }

    private static string Why(BoundedFileReader reader, ReadStatus status) =>
        status == ReadStatus.PermissionDenied ? "permission denied" : LibC.ErrnoName(reader.LastErrno);
}
