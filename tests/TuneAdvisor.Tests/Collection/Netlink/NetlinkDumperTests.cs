using System.Buffers.Binary;
using TuneAdvisor.Collection.Netlink;

namespace TuneAdvisor.Tests.Collection.Netlink;

/// <summary>The dump loop over a replayed transport: retries after NLM_F_DUMP_INTR, timeouts, MSG_TRUNC, errors.</summary>
public sealed class NetlinkDumperTests
{
    /// <summary>Answers each request with the datagrams a script builds for the request's sequence number.</summary>
    private sealed class Replay(Func<int, uint, List<byte[]>> script) : INetlinkTransport
    {
        private readonly Queue<(int Errno, byte[] Data, int Length)> _pending = new();
        public int Requests { get; private set; }

        public int Send(ReadOnlySpan<byte> message)
        {
            Requests++;
            uint seq = BinaryPrimitives.ReadUInt32LittleEndian(message[8..]);
            foreach (var d in script(Requests, seq))
                _pending.Enqueue((0, d, d.Length));
            return 0;
        }

        public void Enqueue(int errno, byte[] data, int length) => _pending.Enqueue((errno, data, length));

        public int Receive(Span<byte> buffer, out int length)
        {
            if (_pending.Count == 0) { length = 0; return 11; } // EAGAIN: what SO_RCVTIMEO gives
            var (errno, data, len) = _pending.Dequeue();
            data.AsSpan(0, Math.Min(data.Length, buffer.Length)).CopyTo(buffer);
            length = len;
            return errno;
        }
    }

    private sealed class ListSink : INetlinkDumpSink
    {
        public int Messages { get; private set; }
        public int Resets { get; private set; }
        public void Reset() { Resets++; Messages = 0; }
        public void OnMessage(scoped in NetlinkMessage message) => Messages++;
    }

    private static byte[] Data(uint seq, ushort flags = 2) => NetlinkBytes.Message(20, flags, seq, NetlinkBytes.InetDiag(1, 1, 2, 0, 0, 1));

    private static byte[] Request() => SockDiagRequest.Inet(2, 6, 0xFFF, 0);

    [Fact]
    public void ACleanDumpTakesOneAttempt()
    {
        var transport = new Replay((_, seq) => [[.. Data(seq), .. Data(seq)], NetlinkBytes.Done(seq)]);
        var sink = new ListSink();
        var outcome = new NetlinkDumper().Dump(transport, Request(), sink);
        Assert.Equal(new NetlinkDumpOutcome(true, false, 0, null, 1, 2), outcome);
        Assert.Equal(2, sink.Messages);
    }

    [Fact]
    public void AnInterruptedDumpIsRetriedAndTheCleanRetryKept()
    {
        var transport = new Replay((attempt, seq) => attempt == 1
            ? [[.. Data(seq, 2 | 0x10), .. Data(seq)], NetlinkBytes.Done(seq)]
            : [[.. Data(seq), .. Data(seq), .. Data(seq)], NetlinkBytes.Done(seq)]);
        var sink = new ListSink();
        var outcome = new NetlinkDumper().Dump(transport, Request(), sink);
        Assert.True(outcome.Complete);
        Assert.False(outcome.Interrupted);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(3, sink.Messages);   // only the retry's messages
        Assert.Equal(2, sink.Resets);
    }

    [Fact]
    public void AlwaysInterruptedKeepsTheLastAttemptAndSaysSo()
    {
        var transport = new Replay((_, seq) => [Data(seq, 2 | 0x10), NetlinkBytes.Done(seq)]);
        var outcome = new NetlinkDumper().Dump(transport, Request(), new ListSink(), maxAttempts: 3);
        Assert.Equal(new NetlinkDumpOutcome(true, true, 0, null, 3, 1), outcome);
        Assert.Equal(3, transport.Requests);
    }

    [Fact]
    public void NoReplyIsATimeoutNotAHang()
    {
        var transport = new Replay((_, seq) => [Data(seq)]);
        var outcome = new NetlinkDumper().Dump(transport, Request(), new ListSink());
        Assert.False(outcome.Complete);
        Assert.Equal(11, outcome.Errno);
        Assert.Equal("no reply within 5 s", outcome.Problem);
    }

    [Fact]
    public void ATruncatedDatagramFails()
    {
        var transport = new Replay((_, _) => []);
        transport.Enqueue(0, new byte[16], NetlinkDumper.BufferSize + 100);
        var outcome = new NetlinkDumper().Dump(transport, Request(), new ListSink());
        Assert.False(outcome.Complete);
        Assert.Contains("truncated to 65536 (MSG_TRUNC)", outcome.Problem);
    }

    [Fact]
    public void ErrnoFromTheKernelIsNamed()
    {
        var transport = new Replay((_, seq) => [NetlinkBytes.Error(-2, seq)]);
        var outcome = new NetlinkDumper().Dump(transport, Request(), new ListSink());
        Assert.False(outcome.Complete);
        Assert.Equal(2, outcome.Errno);
        Assert.Equal("NLMSG_ERROR -2 (ENOENT (2))", outcome.Problem);
    }

    [Fact]
    public void EachDumpUsesAFreshSequenceNumber()
    {
        var seen = new List<uint>();
        var transport = new Replay((_, seq) => { seen.Add(seq); return [NetlinkBytes.Done(seq)]; });
        var dumper = new NetlinkDumper();
        dumper.Dump(transport, Request(), new ListSink());
        dumper.Dump(transport, Request(), new ListSink());
        Assert.Equal(2, seen.Distinct().Count());
    }
}
