using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Collection.Netlink;
using TuneAdvisor.Tests.Collection.Processes;

namespace TuneAdvisor.Tests.Collection;

/// <summary>The /proc/net fallback over a fixture proc tree holding the captured tables and one process.</summary>
public sealed class SockDiagCollectorFallbackTests : IDisposable
{
    private readonly ProcFixture _proc = new();

    public SockDiagCollectorFallbackTests()
    {
        foreach (var table in new[] { "tcp", "tcp6", "udp", "udp6", "unix" })
            _proc.File_(Path.Combine("net", table), CapturedDump.Text($"proc-net-{table}.txt"));
        // inode 259128 is the 127.0.0.1:8080 listener in proc-net-tcp.txt.
        _proc.Process(4242, "server", "server\0--port\08080\0", fds: [(3, "socket:[259128]"), (4, "socket:[1]")]);
    }

    public void Dispose() => _proc.Dispose();

    private SampleBuilder Collect()
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        new SockDiagCollector().Collect(new CollectionContext { ProcRoot = _proc.Root, UseNetlink = false }, sample);
        return sample;
    }

    [Fact]
    public void ListenersComeFromProcWithTheirProcessesAndUnknownBacklog()
    {
        var sample = Collect();
        var listener = sample.Listeners.Single(l => l.Local == "127.0.0.1:8080");
        Assert.Equal(3, listener.RecvQ);
        Assert.Null(listener.SendQ);
        var holder = Assert.Single(listener.Processes);
        Assert.Equal(new ProcessRef(4242, "server", 3), holder);
        Assert.Equal("server --port 8080", sample.Processes[4242].CommandLine);
        Assert.Equal(2, sample.Processes[4242].FdCount);
        Assert.Equal(5, sample.Listeners.Count(l => l.Protocol == "tcp"));
        Assert.Equal(3, sample.Listeners.Count(l => l.Protocol == "unix"));
        Assert.Equal(2, sample.Listeners.Count(l => l.Protocol == "udp"));
    }

    [Fact]
    public void CapabilitiesAndNotesSayWhatIsUnknown()
    {
        var sample = Collect();
        Assert.Equal(
            [SnapshotCapability.Listeners, SnapshotCapability.Connections, SnapshotCapability.Processes],
            sample.Capabilities.Order());
        var note = Assert.Single(sample.Notes, n => n.Message.Contains("backlog limits (Send-Q) unknown"));
        Assert.Equal("TA0209", note.Id);
        Assert.Contains(Path.Combine(_proc.Root, "net", "tcp"), sample.Inputs);
    }

    [Fact]
    public void WithoutProcessMappingNoProcessIsRead()
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        new SockDiagCollector().Collect(new CollectionContext { ProcRoot = _proc.Root, UseNetlink = false, MapProcesses = false }, sample);
        Assert.Empty(sample.Processes);
        Assert.All(sample.Listeners, l => Assert.Empty(l.Processes));
        Assert.DoesNotContain(SnapshotCapability.Processes, sample.Capabilities);
    }

    [Fact]
    public void StreamingTheSnapshotWritesTheSameJsonAsTheString()
    {
        var snapshot = SnapshotAssembler.Assemble(SnapshotSource.Live, "/", null, Collect());
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot, stream);
        Assert.Equal(SnapshotJson.Serialize(snapshot), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
