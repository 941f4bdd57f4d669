using Microsoft.Extensions.Time.Testing;
using TuneAdvisor.Collection;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Collection.Netlink;

namespace TuneAdvisor.Tests.Collection;

/// <summary>
/// HostCollection with the real sock_diag collector (dumps of the test process's namespace need no privilege) and a
/// scripted destroy-event socket: when the subscription works, when it is refused, and when there is no window.
/// </summary>
public sealed class HostCollectionDestroyEventTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static CollectionContext Context(FakeTimeProvider time, bool netlink = true) =>
        new() { Time = time, MapProcesses = false, UseNetlink = netlink };

    private static async Task<SystemSnapshot> CollectAsync(CollectionContext context, NetlinkGroupOpener? opener, Action? afterFirstSample = null)
    {
        var time = (FakeTimeProvider)context.Time;
        var task = HostCollection.CollectAsync(context, TimeSpan.FromSeconds(10), collectors: [new SockDiagCollector()], openDestroyEvents: opener);
        afterFirstSample?.Invoke();
        while (!task.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Yield();
        }
        var (snapshot, diagnostics) = await task;
        // No collector failed; what a fixture tree lacks is a warning (live notes at warning level are diagnostics too).
        Assert.DoesNotContain(diagnostics, d => d.Id == Diagnostics.KnownDiagnostics.CollectorFailed.Id || d.Severity == Diagnostics.Severity.Error);
        return snapshot;
    }

    private static SnapshotNote? DestroyNote(SystemSnapshot snapshot) =>
        snapshot.Notes.SingleOrDefault(n => n.Location == TcpDestroyWatch.Location);

    [Fact]
    public async Task Events_after_the_first_sample_become_closed_connections()
    {
        var transport = new ScriptedGroupTransport();
        var snapshot = await CollectAsync(Context(new FakeTimeProvider(Start)), (out int e) => { e = 0; return transport; },
            afterFirstSample: () => transport.Enqueue(CapturedDump.Bytes("tcp-destroy.bin")));

        Assert.True(transport.Disposed);
        Assert.Contains(SnapshotCapability.ClosedConnections, snapshot.Source.Capabilities);
        Assert.Null(DestroyNote(snapshot));
        Assert.Equal(
        [
            "127.0.0.1:41000 127.0.0.2:9090 out 5002 in 0",
            "127.0.0.2:9090 127.0.0.1:41000 out 1 in 5001",
            "[::1]:41001 [::1]:9091 out 5002 in 0",
            "[::1]:9091 [::1]:41001 out 1 in 5001",
        ], snapshot.ClosedConnections.Select(c => $"{c.Local} {c.Remote} out {c.DeltaBytesAcked} in {c.DeltaBytesReceived}"));
        var server = snapshot.Peers.Single(p => p.Remote == "127.0.0.2");
        Assert.True(server.Connections >= 1 && server.BytesOut >= 5002, server.ToString());
    }

    [Fact]
    public async Task Eperm_on_the_subscription_is_a_note_not_a_failure()
    {
        var transport = new ScriptedGroupTransport { JoinErrno = 1 };
        var snapshot = await CollectAsync(Context(new FakeTimeProvider(Start)), (out int e) => { e = 0; return transport; });

        Assert.DoesNotContain(SnapshotCapability.ClosedConnections, snapshot.Source.Capabilities);
        Assert.Contains(SnapshotCapability.Rates, snapshot.Source.Capabilities);
        Assert.Empty(snapshot.ClosedConnections);
        var note = DestroyNote(snapshot)!;
        Assert.Equal("TA0209", note.Id);
        Assert.Equal("short-lived TCP connections that open and close inside the sampling window are not counted in the peer table: "
            + "joining SKNLGRP_INET_TCP_DESTROY failed: EPERM (1), which needs CAP_NET_ADMIN", note.Message);
    }

    [Fact]
    public async Task Without_netlink_there_is_no_subscription_and_a_note()
    {
        bool opened = false;
        var snapshot = await CollectAsync(Context(new FakeTimeProvider(Start), netlink: false), (out int e) => { opened = true; e = 0; return null; });

        Assert.False(opened);
        Assert.EndsWith("not counted in the peer table: netlink is disabled by the collection context", DestroyNote(snapshot)!.Message);
    }

    [Fact]
    public async Task A_zero_interval_opens_nothing_and_says_that_short_lived_connections_are_not_counted()
    {
        bool opened = false;
        var (snapshot, _) = await HostCollection.CollectAsync(Context(new FakeTimeProvider(Start)), TimeSpan.Zero,
            collectors: [new SockDiagCollector()], openDestroyEvents: (out int e) => { opened = true; e = 0; return null; });

        Assert.False(opened);
        Assert.DoesNotContain(SnapshotCapability.ClosedConnections, snapshot.Source.Capabilities);
        Assert.Contains("short-lived connections are not counted", DestroyNote(snapshot)!.Message);
    }

    [Fact]
    public async Task Without_the_socket_collector_nothing_is_opened_or_noted()
    {
        bool opened = false;
        var time = new FakeTimeProvider(Start);
        var task = HostCollection.CollectAsync(Context(time), TimeSpan.FromSeconds(1), collectors: [new SockstatCollector()],
            openDestroyEvents: (out int e) => { opened = true; e = 0; return null; });
        while (!task.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Yield();
        }
        var (snapshot, _) = await task;
        Assert.False(opened);
        Assert.Null(DestroyNote(snapshot));
    }
}
