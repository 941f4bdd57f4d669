using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>Copies of /proc/net/tcp{,6} and udp{,6} captured in a namespace, read as raw inputs under a name that gives nothing away.</summary>
public sealed class ProcNetTcpOfflineTests
{
    private static string Capture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestFiles", "Netlink", name));

    [Theory]
    [InlineData("proc-net-tcp.txt", "tcp", false)]
    [InlineData("proc-net-tcp6.txt", "tcp", true)]
    [InlineData("proc-net-udp.txt", "udp", false)]
    [InlineData("proc-net-udp6.txt", "udp", true)]
    public void Tables_are_told_apart_by_content(string file, string protocol, bool v6)
    {
        var text = Capture(file);
        var registry = InputParserRegistry.Default;
        Assert.IsType<ProcNetTcpParser>(registry.Detect(text));
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        registry.Parse(text, "pasted.txt", sample);
        var sockets = sample.Listeners.Select(l => (l.Protocol, l.Local)).Concat(sample.Connections.Select(c => (c.Protocol, c.Local))).ToList();
        Assert.NotEmpty(sockets);
        Assert.All(sockets, s => Assert.Equal(protocol, s.Protocol));
        // IPv6 tables print "[::1]:443" or "*:80" (dual-stack wildcard); v4-mapped peers come out as plain IPv4.
        if (v6)
            Assert.Contains(sockets, s => s.Local.StartsWith('[') || s.Local.StartsWith('*'));
        else
            Assert.DoesNotContain(sockets, s => s.Local.StartsWith('['));
    }

    [Fact]
    public void Tcp_listeners_from_proc_have_an_unknown_backlog()
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        InputParserRegistry.Default.Parse(Capture("proc-net-tcp.txt"), "pasted.txt", sample);
        var listeners = sample.Listeners.Where(l => l.Protocol == "tcp").ToList();
        Assert.NotEmpty(listeners);
        Assert.All(listeners, l => Assert.Null(l.SendQ));
        Assert.All(listeners, l => Assert.NotNull(l.RecvQ));
        Assert.DoesNotContain(SnapshotCapability.ListenerBacklog, sample.Capabilities);
    }
}
