using TuneAdvisor.Collection.Netlink;

namespace TuneAdvisor.Tests.Collection.Netlink;

public sealed class NetlinkDumpParserTests
{
    private sealed class CountingSink : INetlinkDumpSink
    {
        public List<int> PayloadLengths { get; } = new();
        public int Resets { get; private set; }
        public void Reset() { Resets++; PayloadLengths.Clear(); }
        public void OnMessage(scoped in NetlinkMessage message) => PayloadLengths.Add(message.Payload.Length);
    }

    [Fact]
    public void CapturedTcpDumpEndsWithDoneAfterEveryMessage()
    {
        var bytes = CapturedDump.Bytes("tcp4.bin");
        var sink = new CountingSink();
        var parser = new NetlinkDumpParser(CapturedDump.FirstSequence(bytes));
        Assert.Equal(NetlinkDumpStatus.Done, parser.Feed(bytes, sink));
        Assert.Equal(11, parser.Messages); // the IPv4 rows of ss-tani.txt
        Assert.All(sink.PayloadLengths, l => Assert.True(l >= 72));
        Assert.False(parser.Interrupted);
        Assert.Equal(0, parser.ForeignMessages);
    }

    [Fact]
    public void DatagramsFedOneByOneContinueUntilDone()
    {
        var parser = new NetlinkDumpParser(7);
        var sink = new CountingSink();
        var data = NetlinkBytes.Message(20, 2, 7, NetlinkBytes.InetDiag(10, 80, 0, 0, 128, 42));
        Assert.Equal(NetlinkDumpStatus.Continue, parser.Feed(data, sink));
        Assert.Equal(NetlinkDumpStatus.Continue, parser.Feed([.. data, .. data], sink));
        Assert.Equal(NetlinkDumpStatus.Done, parser.Feed(NetlinkBytes.Done(7), sink));
        Assert.Equal(3, parser.Messages);
    }

    [Fact]
    public void NlmsgErrorGivesThePositiveErrno()
    {
        var parser = new NetlinkDumpParser(5);
        Assert.Equal(NetlinkDumpStatus.Failed, parser.Feed(NetlinkBytes.Error(-2, 5), new CountingSink()));
        Assert.Equal(2, parser.Errno);
        Assert.Contains("NLMSG_ERROR -2", parser.Problem);
    }

    [Fact]
    public void AnAckIsTheEndOfTheDump()
    {
        var parser = new NetlinkDumpParser(5);
        Assert.Equal(NetlinkDumpStatus.Done, parser.Feed(NetlinkBytes.Error(0, 5), new CountingSink()));
        Assert.Equal(0, parser.Errno);
    }

    [Fact]
    public void DoneWithANegativeErrnoFails()
    {
        var parser = new NetlinkDumpParser(9);
        var sink = new CountingSink();
        var data = NetlinkBytes.Message(20, 2, 9, NetlinkBytes.InetDiag(1, 1, 2, 0, 0, 1));
        Assert.Equal(NetlinkDumpStatus.Failed, parser.Feed([.. data, .. NetlinkBytes.Done(9, -95)], sink));
        Assert.Equal(95, parser.Errno);
        Assert.Contains("NLMSG_DONE reports error -95", parser.Problem);
        Assert.Single(sink.PayloadLengths);
    }

    [Fact]
    public void DumpIntrOnAnyMessageMarksTheDumpInterrupted()
    {
        var parser = new NetlinkDumpParser(3);
        var sink = new CountingSink();
        var data = NetlinkBytes.Message(20, 2 | 0x10, 3, NetlinkBytes.InetDiag(1, 1, 2, 0, 0, 1));
        Assert.Equal(NetlinkDumpStatus.Done, parser.Feed([.. data, .. NetlinkBytes.Done(3)], sink));
        Assert.True(parser.Interrupted);
    }

    [Fact]
    public void DumpIntrOnlyOnTheDoneMessageStillCounts()
    {
        var parser = new NetlinkDumpParser(3);
        parser.Feed(NetlinkBytes.Done(3, 0, 2 | 0x10), new CountingSink());
        Assert.True(parser.Interrupted);
    }

    [Fact]
    public void MessagesOfAnotherSequenceAreSkipped()
    {
        var parser = new NetlinkDumpParser(11);
        var sink = new CountingSink();
        var stale = NetlinkBytes.Message(20, 2, 10, NetlinkBytes.InetDiag(1, 1, 2, 0, 0, 1));
        var staleDone = NetlinkBytes.Done(10);
        var mine = NetlinkBytes.Message(20, 2, 11, NetlinkBytes.InetDiag(1, 1, 2, 0, 0, 1));
        Assert.Equal(NetlinkDumpStatus.Done, parser.Feed([.. stale, .. staleDone, .. mine, .. NetlinkBytes.Done(11)], sink));
        Assert.Equal(2, parser.ForeignMessages);
        Assert.Single(sink.PayloadLengths);
    }

    [Fact]
    public void ATruncatedMessageFailsWithoutThrowing()
    {
        var parser = new NetlinkDumpParser(4);
        var sink = new CountingSink();
        var data = NetlinkBytes.Message(20, 2, 4, NetlinkBytes.InetDiag(1, 1, 2, 0, 0, 1));
        var first = NetlinkBytes.Message(20, 2, 4, NetlinkBytes.InetDiag(1, 1, 2, 0, 0, 1));
        Assert.Equal(NetlinkDumpStatus.Failed, parser.Feed([.. first, .. data.AsSpan(0, 50)], sink));
        Assert.Contains("claims 88 bytes but 50 remain", parser.Problem);
        Assert.Single(sink.PayloadLengths);
    }

    [Fact]
    public void TrailingBytesShorterThanAHeaderFail()
    {
        var parser = new NetlinkDumpParser(4);
        Assert.Equal(NetlinkDumpStatus.Failed, parser.Feed(new byte[10], new CountingSink()));
        Assert.Contains("shorter than a netlink header", parser.Problem);
    }

    [Fact]
    public void AMessageClaimingLessThanAHeaderFails()
    {
        var bytes = NetlinkBytes.Done(4);
        bytes[0] = 8;
        var parser = new NetlinkDumpParser(4);
        Assert.Equal(NetlinkDumpStatus.Failed, parser.Feed(bytes, new CountingSink()));
    }
}
