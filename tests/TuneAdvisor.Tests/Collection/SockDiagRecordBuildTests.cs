using TuneAdvisor.Collection;
using TuneAdvisor.Collection.Processes;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Tests.Collection.Processes;

namespace TuneAdvisor.Tests.Collection;

/// <summary>Connection records built in slices on several threads: each in its socket's place, with its holders.</summary>
public sealed class SockDiagRecordBuildTests : IDisposable
{
    private readonly ProcFixture _proc = new();

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void EverySliceBuildsItsSocketsInPlaceLeavingListenersAndOurOwnSocketsOut()
    {
        _proc.Process(100, "server");
        _proc.Process(101, "worker");
        int count = SockDiagCollector.RecordSlice * 2 + 1234; // three slices, the last partial
        int own = count - 7;
        var sockets = new List<InetDiagSocket>(count);
        for (int i = 0; i < count; i++)
            sockets.Add(new InetDiagSocket
            {
                Family = NetlinkConstants.AF_INET, Protocol = NetlinkConstants.IPPROTO_TCP,
                State = i % 1000 == 0 ? NetlinkConstants.TCP_LISTEN : 1,
                LocalAddress = "127.0.0.1", LocalPort = 80, RemoteAddress = "127.0.0.2", RemotePort = 1024 + i % 60000,
                Local = "127.0.0.1:80", Remote = $"127.0.0.2:{1024 + i % 60000}", Cookie = (ulong)i, Inode = (uint)(i + 1),
            });

        // Even inodes are held by 100, every third also by 101; one socket only by this process.
        var walk = new FdScan.Result();
        for (int i = 0; i < count; i++)
        {
            ulong inode = (ulong)(i + 1);
            if (i == own)
                walk.Hits.Add(new SocketFd(inode, Environment.ProcessId, 9));
            else if (inode % 2 == 0)
                walk.Hits.Add(new SocketFd(inode, 100, i % 50_000));
            if (inode % 3 == 0 && i != own)
                walk.Hits.Add(new SocketFd(inode, 101, 7));
        }
        var map = SocketProcessMap.FromWalk(_proc.Root, walk, [.. sockets.Select(s => (ulong)s.Inode)]);

        var records = SockDiagCollector.BuildConnections(sockets, map, out int listeners);

        Assert.Equal((count + 999) / 1000, listeners);
        Assert.Equal(count, records.Length);
        for (int i = 0; i < count; i++)
        {
            if (i % 1000 == 0 || i == own)
            {
                Assert.Null(records[i]);
                continue;
            }
            var record = records[i] ?? throw new Xunit.Sdk.XunitException($"socket {i} has no record");
            Assert.Equal((ulong)i, record.Cookie);
            ulong inode = (ulong)(i + 1);
            var expected = new List<string>();
            if (inode % 2 == 0)
                expected.Add($"server(100) fd {i % 50_000}");
            if (inode % 3 == 0)
                expected.Add("worker(101) fd 7");
            Assert.Equal(expected, record.Processes.Select(p => $"{p.Name}({p.Pid}) fd {p.Fd}"));
        }
    }
}
