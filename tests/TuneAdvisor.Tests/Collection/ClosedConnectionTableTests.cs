using System.Collections.Immutable;
using TuneAdvisor.Collection;
using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection;

/// <summary>Destroy events against the two samples: which count, from what baseline, and how they reach the peer table.</summary>
public sealed class ClosedConnectionTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static ConnectionInfo Live(ulong cookie, string remote, int localPort, ulong acked, ulong received, string? process = null) => new()
    {
        Protocol = "tcp", State = "ESTAB", Local = $"10.0.0.1:{localPort}", Remote = $"{remote}:443",
        LocalAddress = "10.0.0.1", LocalPort = localPort, RemoteAddress = remote, RemotePort = 443,
        Cookie = cookie, Inode = 1000 + cookie, Uid = 1000,
        Info = new TcpInfo { BytesAcked = acked, BytesReceived = received },
        Processes = process is null ? [] : [new ProcessRef(42, process)],
        Source = "sock_diag",
    };

    private static ClosedSocket Closed(ulong cookie, string remote, int localPort, ulong acked, ulong received) => new()
    {
        Socket = new InetDiagSocket
        {
            Family = 2, Protocol = 6, State = 7, LocalAddress = "10.0.0.1", LocalPort = localPort, RemoteAddress = remote,
            RemotePort = 443, Local = $"10.0.0.1:{localPort}", Remote = $"{remote}:443", Cookie = cookie, Uid = 1000,
        },
        BytesAcked = acked,
        BytesReceived = received,
    };

    private static SystemSnapshot Assemble(IEnumerable<ConnectionInfo> first, IEnumerable<ConnectionInfo> last, TcpDestroyCapture? capture)
    {
        var a = new SampleBuilder(T0);
        a.Connections.AddRange(first);
        var b = new SampleBuilder(T0.AddSeconds(10)) { Destroyed = capture };
        b.Connections.AddRange(last);
        return SnapshotAssembler.Assemble(SnapshotSource.Live, "/", a, b);
    }

    [Fact]
    public void EachDestroyedConnectionCountsFromTheRightBaseline()
    {
        var snapshot = Assemble(
            first: [Live(1, "10.0.0.2", 5001, 1_000, 200, "curl"), Live(5, "10.0.0.4", 5005, 10, 10)],
            last: [Live(5, "10.0.0.4", 5005, 60, 10)],
            new TcpDestroyCapture(
            [
                Closed(9, "10.0.0.9", 5009, 777, 777),     // closed before the first sample was complete: dropped
                Closed(1, "10.0.0.2", 5001, 6_001, 700),   // listed by the first sample: minus its counters
                Closed(2, "10.0.0.2", 5002, 5_002, 1),     // born in the window: all of it
                Closed(5, "10.0.0.4", 5005, 70, 10),       // still alive in the last sample: counted there
                Closed(2, "10.0.0.2", 5002, 9_999, 9),     // a repeated cookie: the first event wins
            ], FirstSampleMark: 1));

        Assert.Equal(
        [
            "10.0.0.1:5001 -> 10.0.0.2:443 CLOSE acked 5001 received 500 inode 1001 curl(42)",
            "10.0.0.1:5002 -> 10.0.0.2:443 CLOSE acked 5002 received 1 inode  ",
        ], snapshot.ClosedConnections.Select(c =>
            $"{c.Local} -> {c.Remote} {c.State} acked {c.DeltaBytesAcked} received {c.DeltaBytesReceived} inode {c.Inode} {string.Join(",", c.Processes.Select(p => $"{p.Name}({p.Pid})"))}"));
        Assert.All(snapshot.ClosedConnections, c => Assert.Equal("sock_diag destroy", c.Source));

        var peer = snapshot.Peers.Single(p => p.Remote == "10.0.0.2");
        Assert.Equal(2, peer.Connections);
        Assert.Equal(5001 + 5002, peer.BytesOut);
        Assert.Equal(500 + 1, peer.BytesIn);
        Assert.Equal([5001, 5002], peer.LocalPorts.AsEnumerable());
        Assert.Equal(["curl(42)"], peer.Processes.AsEnumerable());
        Assert.Equal(1000.3, peer.BytesOutPerSecond);
        var alive = snapshot.Peers.Single(p => p.Remote == "10.0.0.4");
        Assert.Equal((1, 50L), (alive.Connections, alive.BytesOut));
        Assert.DoesNotContain(snapshot.Peers, p => p.Remote == "10.0.0.9");
    }

    [Fact]
    public void AFirstSampleWithoutByteCountersGivesAnUnknownDeltaNotTheWholeCounter()
    {
        // A kernel whose tcp_info predates bytes_acked/bytes_received (< 4.1): the baseline is unknown.
        var old = Live(3, "10.0.0.3", 5003, 0, 0) with { Info = new TcpInfo() };
        var snapshot = Assemble([old], [], new TcpDestroyCapture([Closed(3, "10.0.0.3", 5003, 4_000, 300)], FirstSampleMark: 0));
        var closed = Assert.Single(snapshot.ClosedConnections);
        Assert.Null(closed.DeltaBytesAcked);
        Assert.Null(closed.DeltaBytesReceived);
        // The peer's traffic is then unknown too, not 0 bytes.
        var peer = Assert.Single(snapshot.Peers);
        Assert.Equal((1, null, null, null), (peer.Connections, peer.BytesOut, peer.BytesIn, peer.BytesOutPerSecond));
    }

    [Fact]
    public void WithoutACaptureAConnectionThatClosedInTheWindowIsInvisible()
    {
        var snapshot = Assemble(first: [Live(1, "10.0.0.2", 5001, 1_000, 200)], last: [], capture: null);
        Assert.Empty(snapshot.ClosedConnections);
        Assert.Empty(snapshot.Peers);
    }

    [Fact]
    public void TheOrderOfEventsDoesNotChangeTheOutput()
    {
        ClosedSocket[] events = [Closed(3, "10.0.0.3", 5003, 3, 3), Closed(2, "10.0.0.2", 5002, 2, 2), Closed(4, "10.0.0.2", 5000, 4, 4)];
        var forward = Assemble([], [], new TcpDestroyCapture([.. events], 0));
        var backward = Assemble([], [], new TcpDestroyCapture([.. events.Reverse()], 0));
        Assert.Equal(SnapshotJson.Serialize(forward), SnapshotJson.Serialize(backward));
        Assert.Equal(["10.0.0.1:5000", "10.0.0.1:5002", "10.0.0.1:5003"], forward.ClosedConnections.Select(c => c.Local));
    }
}
