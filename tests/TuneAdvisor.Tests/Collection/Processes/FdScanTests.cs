using TuneAdvisor.Collection.Processes;

namespace TuneAdvisor.Tests.Collection.Processes;

/// <summary>The fd walk shared by several threads finds exactly what one thread finds, batch boundaries included.</summary>
public sealed class FdScanTests : IDisposable
{
    private readonly ProcFixture _proc = new();

    public FdScanTests()
    {
        // One big fd table (several batches, the last one partial), a few small ones, one with no sockets, one unreadable.
        int big = SharedFdWalk.BatchSize * 3 + 5;
        _proc.Process(200, "big", fds: [.. Enumerable.Range(0, big).Select(fd => (fd, fd % 7 == 0 ? "pipe:[1]" : $"socket:[{10_000 + fd}]"))]);
        for (int pid = 300; pid < 310; pid++)
            _proc.Process(pid, "small", fds: [(3, $"socket:[{pid}]"), (4, "socket:[10007]"), (5, "/dev/null")]);
        _proc.Process(400, "nosockets", fds: [(0, "/dev/null"), (1, "pipe:[2]")]);
        Directory.CreateDirectory(Path.Combine(_proc.Root, "500"));
        File.WriteAllText(Path.Combine(_proc.Root, "500", "fd"), "");
    }

    public void Dispose() => _proc.Dispose();

    private static string[] Describe(FdScan.Result result) =>
    [
        .. result.Hits.Select(h => $"{h.Inode} {h.Pid} {h.Fd}").Order(StringComparer.Ordinal),
        .. result.FdCounts.OrderBy(c => c.Key).Select(c => $"pid {c.Key}: {c.Value} fds"),
        .. result.Unreadable.OrderBy(u => u.Pid).Select(u => $"unreadable {u.Pid} errno {u.Errno}"),
    ];

    [Fact]
    public void OneThreadFindsEverySocketFdAndCountsEveryTable()
    {
        var result = FdScan.Walk(_proc.Root, null);
        int big = SharedFdWalk.BatchSize * 3 + 5;
        Assert.Equal(big - (big + 6) / 7 + 20, result.Hits.Count);
        Assert.Equal(big, result.FdCounts[200]);
        Assert.Equal(2, result.FdCounts[400]);
        Assert.Equal(500, Assert.Single(result.Unreadable).Pid);
        Assert.Contains(result.Hits, h => h.Pid == 200 && h.Fd == big - 1 && h.Inode == (ulong)(10_000 + big - 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task SeveralThreadsFindExactlyWhatOneFinds(int threads)
    {
        var alone = Describe(FdScan.Walk(_proc.Root, null));
        for (int round = 0; round < 20; round++)
        {
            using var walk = SharedFdWalk.Open(_proc.Root, null);
            var workers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(walk.Work, TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(workers);
            Assert.Equal(alone, Describe(walk.Result()));
        }
    }

    [Fact]
    public void TheWantedSetFiltersHits()
    {
        var result = FdScan.Walk(_proc.Root, [10_001, 305]);
        Assert.Equal(["10001 200 1", "305 305 3"], result.Hits.Select(h => $"{h.Inode} {h.Pid} {h.Fd}").Order(StringComparer.Ordinal));
    }
}
