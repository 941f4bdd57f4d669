using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Tests.Collection.Netlink;

/// <summary>
/// Decodes the destroy events capture-destroy.py recorded on kernel 6.18: per family a client that sent 5000 bytes
/// and closed first, the server side that read them and closed, and the listener (no peer, skipped).
/// </summary>
public sealed class TcpDestroyDecoderTests
{
    private static TcpDestroyDecoder Decode(int capacity = 100)
    {
        var decoder = new TcpDestroyDecoder(new SocketAddressFormatter(i => i == 1 ? "lo" : null), capacity);
        decoder.Feed(CapturedDump.Bytes("tcp-destroy.bin"));
        return decoder;
    }

    [Fact]
    public void EveryConnectionIsDecodedWithItsFinalByteCounters()
    {
        var decoder = Decode();

        Assert.Equal(0, decoder.ProblemCount);
        Assert.Equal(2, decoder.WithoutPeer);   // the two listeners
        Assert.Equal(0, decoder.Overflow);
        // The client's bytes_acked counts its SYN and its FIN besides the 5000 payload bytes; the server's
        // bytes_received counts the client's FIN, and its bytes_acked its own FIN (the SYN-ACK precedes the child socket).
        Assert.Equal(
        [
            "2 127.0.0.1:41000 127.0.0.2:9090 state 7 inode 0 acked 5002 received 0",
            "2 127.0.0.2:9090 127.0.0.1:41000 state 7 inode 0 acked 1 received 5001",
            "10 [::1]:41001 [::1]:9091 state 7 inode 0 acked 5002 received 0",
            "10 [::1]:9091 [::1]:41001 state 7 inode 0 acked 1 received 5001",
        ], decoder.Sockets.Select(c =>
            $"{c.Socket.Family} {c.Socket.Local} {c.Socket.Remote} state {c.Socket.State} inode {c.Socket.Inode} acked {c.BytesAcked} received {c.BytesReceived}"));
    }

    [Fact]
    public void OnlyTheByteCountersOfTcpInfoAreKept()
    {
        var decoder = Decode();
        Assert.All(decoder.Sockets, c => Assert.Null(c.Socket.Info));
        Assert.All(decoder.Sockets, c => Assert.Equal(6, c.Socket.Protocol));
        Assert.Equal(4, decoder.Sockets.Select(c => c.Socket.Cookie).Distinct().Count());
        Assert.DoesNotContain(decoder.Sockets, c => c.Socket.Cookie == 0);
    }

    [Fact]
    public void EventsPastTheCapacityAreCountedNotKept()
    {
        var decoder = Decode(capacity: 3);
        Assert.Equal(3, decoder.Sockets.Count);
        Assert.Equal(1, decoder.Overflow);
    }

    [Fact]
    public void ATruncatedDatagramIsAProblemNotAnException()
    {
        var bytes = CapturedDump.Bytes("tcp-destroy.bin");
        var decoder = new TcpDestroyDecoder(new SocketAddressFormatter(_ => null), 100);
        decoder.Feed(bytes.AsSpan(0, 380 + 100));   // the first message whole, then 100 bytes of the second

        Assert.Single(decoder.Sockets);
        Assert.Equal(1, decoder.ProblemCount);
        Assert.Contains("truncated or malformed", decoder.FirstProblem);
    }

    [Fact]
    public void AMessageOfAnotherTypeIsAProblem()
    {
        var decoder = new TcpDestroyDecoder(new SocketAddressFormatter(_ => null), 100);
        decoder.Feed(NetlinkBytes.Done(0));
        Assert.Empty(decoder.Sockets);
        Assert.Equal("unexpected netlink message type 3 on the destroy groups", decoder.FirstProblem);
    }
}
