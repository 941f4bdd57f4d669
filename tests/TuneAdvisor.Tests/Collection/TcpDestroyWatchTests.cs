using TuneAdvisor.Collection;
using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Collection.Netlink;

namespace TuneAdvisor.Tests.Collection;

/// <summary>The destroy-event listener over a scripted socket: subscription failures, the first-sample mark, losses.</summary>
public sealed class TcpDestroyWatchTests
{
    private static readonly SocketAddressFormatter Formatter = new(_ => null);

    private static NetlinkGroupOpener Opener(INetlinkGroupTransport? transport, int errno = 0) =>
        (out int e) => { e = errno; return transport; };

    private static string Notes(SampleBuilder sample) =>
        string.Join("\n", sample.SortedNotes().Select(n => $"{n.Id} {n.Location}: {n.Message}"));

    [Fact]
    public void EpermOnJoiningTheGroupMeansNoWatchAndSaysWhy()
    {
        var transport = new ScriptedGroupTransport { JoinErrno = 1 };
        var watch = TcpDestroyWatch.TryStart(Opener(transport), Formatter, out var whyNot);

        Assert.Null(watch);
        Assert.Equal("joining SKNLGRP_INET_TCP_DESTROY failed: EPERM (1), which needs CAP_NET_ADMIN", whyNot);
        Assert.True(transport.Disposed);
    }

    [Fact]
    public void NoNetlinkSocketMeansNoWatch()
    {
        Assert.Null(TcpDestroyWatch.TryStart(Opener(null, 93), Formatter, out var whyNot));
        Assert.Equal("socket(AF_NETLINK, NETLINK_SOCK_DIAG) failed: EPROTONOSUPPORT (93)", whyNot);
    }

    [Fact]
    public void EventsAreSplitAtTheFirstSampleAndHandedToTheLastSample()
    {
        var bytes = CapturedDump.Bytes("tcp-destroy.bin");
        var transport = new ScriptedGroupTransport();
        using var watch = TcpDestroyWatch.TryStart(Opener(transport), Formatter, out var whyNot)!;
        Assert.Equal("", whyNot);
        Assert.Equal([1u, 3u], transport.Joined);

        transport.Enqueue(bytes[..380]);             // arrives before the first sample is complete
        transport.WaitUntilIdle();
        watch.MarkFirstSample();
        transport.Enqueue(bytes[380..]);
        var last = new SampleBuilder(DateTimeOffset.UnixEpoch);
        watch.Stop(last);

        Assert.True(transport.Disposed);
        Assert.Equal(4, last.Destroyed!.Sockets.Length);
        Assert.Equal(1, last.Destroyed.FirstSampleMark);
        Assert.Contains(SnapshotCapability.ClosedConnections, last.Capabilities);
        Assert.Contains(TcpDestroyWatch.Location, last.Inputs);
        Assert.Equal("", Notes(last));
    }

    [Fact]
    public void KernelDropsBecomeANoteWithTheirNumber()
    {
        var transport = new ScriptedGroupTransport { DropCount = 7 };
        var watch = TcpDestroyWatch.TryStart(Opener(transport), Formatter, out _)!;
        transport.EnqueueErrno(105);   // ENOBUFS
        transport.Enqueue(CapturedDump.Bytes("tcp-destroy.bin"));
        var last = new SampleBuilder(DateTimeOffset.UnixEpoch);
        watch.Stop(last);

        Assert.Equal(4, last.Destroyed!.Sockets.Length);   // reading goes on after ENOBUFS
        Assert.Equal("TA0207 sock_diag destroy events: 7 destroy events lost: the kernel dropped them when the listener's receive queue was full (ENOBUFS); connections that closed in the window are undercounted in the peer table", Notes(last));
    }

    [Fact]
    public void EnobufsWithoutADropCountSaysTheNumberIsUnknown()
    {
        var transport = new ScriptedGroupTransport { DropCount = null };
        var watch = TcpDestroyWatch.TryStart(Opener(transport), Formatter, out _)!;
        transport.EnqueueErrno(105);
        var last = new SampleBuilder(DateTimeOffset.UnixEpoch);
        watch.Stop(last);

        Assert.Contains("recv reported ENOBUFS 1 time(s) and the number dropped is unknown", Notes(last));
    }

    [Fact]
    public void EventsPastTheCapacityAndIpv6AndBufferFailuresAreNoted()
    {
        var transport = new ScriptedGroupTransport { Join6Errno = 2, BufferErrno = 1 };
        var watch = TcpDestroyWatch.TryStart(Opener(transport), Formatter, out _, capacity: 2)!;
        transport.Enqueue(CapturedDump.Bytes("tcp-destroy.bin"));
        var last = new SampleBuilder(DateTimeOffset.UnixEpoch);
        watch.Stop(last);

        Assert.Equal(2, last.Destroyed!.Sockets.Length);
        var notes = Notes(last);
        Assert.Contains("2 destroy events lost: more than 2 connections closed in the window and only the first 2 are kept", notes);
        Assert.Contains("joining SKNLGRP_INET6_TCP_DESTROY failed: ENOENT (2); IPv6 connections that closed in the window are not counted", notes);
        Assert.Contains("raising the receive buffer to 4194304 bytes failed: EPERM (1)", notes);
    }

    [Fact]
    public void AnotherRecvErrorStopsListeningWithANote()
    {
        var transport = new ScriptedGroupTransport();
        var watch = TcpDestroyWatch.TryStart(Opener(transport), Formatter, out _)!;
        transport.EnqueueErrno(9);   // EBADF
        var last = new SampleBuilder(DateTimeOffset.UnixEpoch);
        watch.Stop(last);

        Assert.Contains("listening for destroy events stopped early: recv: errno (9)", Notes(last));
        Assert.Empty(last.Destroyed!.Sockets);
    }
}
