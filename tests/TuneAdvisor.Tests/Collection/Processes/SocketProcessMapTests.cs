using TuneAdvisor.Collection.Processes;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Collection.Processes;

public sealed class SocketProcessMapTests : IDisposable
{
    private readonly ProcFixture _proc = new();

    public SocketProcessMapTests()
    {
        _proc.Process(100, "nginx", "nginx: master process\0-g\0daemon off;\0", fds: [(0, "/dev/null"), (3, "socket:[123]"), (4, "socket:[456]"), (5, "pipe:[9]")])
             .Process(101, "nginx", "nginx: worker process\0", fds: [(3, "socket:[123]"), (7, "socket:[999]")])
             .Process(104, "my (odd) proc", "", ProcFixture.DefaultLimits.Replace("1024 ", "unlimited"), fds: [(9, "socket:[777]")])
             .Process(105, "other", "x\0", fds: [(3, "socket:[999]")]);
        // 102: its fd "directory" is a file, so reading it fails (what EACCES is for a non-root user).
        Directory.CreateDirectory(Path.Combine(_proc.Root, "102"));
        File.WriteAllText(Path.Combine(_proc.Root, "102", "fd"), "");
        // 103: holds a wanted socket but exits (stat gone) before its details are read.
        _proc.Process(103, "gone", fds: [(4, "socket:[456]")]);
        File.Delete(Path.Combine(_proc.Root, "103", "stat"));
        // Non-pid entries are ignored.
        Directory.CreateDirectory(Path.Combine(_proc.Root, "net"));
        File.CreateSymbolicLink(Path.Combine(_proc.Root, "self"), "100");
    }

    public void Dispose() => _proc.Dispose();

    private static readonly HashSet<ulong> Wanted = [123, 456, 777];

    [Fact]
    public void AnInodeHeldBySeveralProcessesListsThemAllByPid()
    {
        var map = SocketProcessMap.Build(_proc.Root, Wanted);
        Assert.Equal(["nginx(100) fd 3", "nginx(101) fd 3"], map.For(123).Select(p => $"{p.Name}({p.Pid}) fd {p.Fd}"));
        Assert.Equal(["nginx(100) fd 4"], map.For(456).Select(p => $"{p.Name}({p.Pid}) fd {p.Fd}"));
        Assert.Empty(map.For(999)); // not a socket we report
        Assert.Empty(map.For(0));
        Assert.Empty(map.For(null));
        Assert.True(map.Walked);
    }

    [Fact]
    public void ProcessesHoldingReportedSocketsGetDetails()
    {
        var map = SocketProcessMap.Build(_proc.Root, Wanted);
        Assert.Equal([100, 101, 104], map.Processes.Keys.Order());
        var master = map.Processes[100];
        Assert.Equal("nginx", master.Name);
        Assert.Equal("nginx: master process -g daemon off;", master.CommandLine);
        Assert.Equal(4, master.FdCount);
        Assert.Equal(1024, master.NofileSoft);
        Assert.Equal(524288, master.NofileHard);
        Assert.Null(master.Note);
    }

    [Fact]
    public void OddCommNamesAndUnlimitedLimitsAreHandled()
    {
        var odd = SocketProcessMap.Build(_proc.Root, Wanted).Processes[104];
        Assert.Equal("my (odd) proc", odd.Name);
        Assert.Null(odd.CommandLine);
        Assert.Null(odd.NofileSoft);
        Assert.Equal(524288, odd.NofileHard);
        Assert.Contains("'unlimited'", odd.Note);
    }

    [Fact]
    public void AnUnreadableFdTableIsANoteNotAnException()
    {
        var map = SocketProcessMap.Build(_proc.Root, Wanted);
        var note = Assert.Single(map.Notes);
        Assert.Contains("1 process fd table(s) unreadable (ENOTDIR (20))", note.Message);
        Assert.Contains(Path.Combine(_proc.Root, "102", "fd"), note.Message);
        Assert.DoesNotContain(102, map.Processes.Keys);
    }

    [Fact]
    public void AProcessThatExitedMidWalkIsSkipped()
    {
        var map = SocketProcessMap.Build(_proc.Root, Wanted);
        Assert.DoesNotContain(103, map.Processes.Keys);
        Assert.DoesNotContain(map.For(456), p => p.Pid == 103);
    }

    [Fact]
    public void TheBackgroundScanGivesTheSameMap()
    {
        var direct = SocketProcessMap.Build(_proc.Root, Wanted);
        var scanned = SocketProcessMap.BeginScan(_proc.Root).Complete(Wanted, new SampleBuilder(DateTimeOffset.UnixEpoch));
        foreach (var inode in new ulong[] { 123, 456, 777, 999 })
            Assert.Equal(direct.For(inode).ToArray(), scanned.For(inode).ToArray());
        Assert.Equal(direct.Processes.Keys.Order(), scanned.Processes.Keys.Order());
    }

    [Fact]
    public void AMissingProcRootIsANote()
    {
        var map = SocketProcessMap.Build(Path.Combine(_proc.Root, "nope"), Wanted);
        Assert.False(map.Walked);
        Assert.Contains("cannot list processes (ENOENT (2))", Assert.Single(map.Notes).Message);
    }

    [Fact]
    public void ParsersOfTheSmallFiles()
    {
        Assert.Equal("a) b", ProcessFileParser.Comm("1 (a) b) S 0"));
        Assert.Null(ProcessFileParser.Comm("garbage"));
        Assert.Null(ProcessFileParser.CommandLine([0, 0]));
        var (soft, hard) = ProcessFileParser.NofileLimits("Max open files 10 x files\n", out var problem);
        Assert.Equal(10, soft);
        Assert.Null(hard);
        Assert.Contains("'x' is not a number", problem);
        ProcessFileParser.NofileLimits("nothing\n", out problem);
        Assert.Equal("no 'Max open files' line", problem);
    }
}
