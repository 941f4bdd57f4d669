using System.Runtime.InteropServices;
using TuneAdvisor.IO.Native;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Runs a dump request over a <see cref="NetlinkSocket"/> (or any <see cref="INetlinkTransport"/>): sends it, receives datagrams into one 64 KiB buffer
/// (the kernel caps dump datagrams at 32 KiB) and feeds them to a <see cref="NetlinkDumpParser"/>. A dump marked
/// NLM_F_DUMP_INTR is retried up to <paramref name="maxAttempts"/> times, then kept as it is.
/// </summary>
public sealed class NetlinkDumper
{
    public const int BufferSize = 64 * 1024;

    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(BufferSize, pinned: true);
    private uint _sequence;

    public NetlinkDumper(uint firstSequence = 1) => _sequence = firstSequence;

    /// <summary>Runs the dump; <paramref name="request"/> is a complete message whose nlmsg_seq is overwritten per attempt.</summary>
    public NetlinkDumpOutcome Dump(INetlinkTransport socket, Span<byte> request, INetlinkDumpSink sink, int maxAttempts = 3)
    {
        for (int attempt = 1; ; attempt++)
        {
            sink.Reset();
            uint sequence = ++_sequence;
            MemoryMarshal.Write(request[8..], in sequence);
            int errno = socket.Send(request);
            if (errno != 0)
                return new NetlinkDumpOutcome(false, false, errno, $"sendto: {LibC.ErrnoName(errno)}", attempt, 0);
            var parser = new NetlinkDumpParser(sequence);
            while (parser.Status == NetlinkDumpStatus.Continue)
            {
                errno = socket.Receive(_buffer, out int length);
                if (errno != 0)
                {
                    var why = errno == LibC.EAGAIN ? $"no reply within {NetlinkSocket.ReceiveTimeout.TotalSeconds:0} s" : $"recv: {LibC.ErrnoName(errno)}";
                    return new NetlinkDumpOutcome(false, parser.Interrupted, errno, why, attempt, parser.Messages);
                }
                if (length > _buffer.Length)
                    return new NetlinkDumpOutcome(false, parser.Interrupted, 0, $"datagram of {length} bytes truncated to {_buffer.Length} (MSG_TRUNC)", attempt, parser.Messages);
                parser.Feed(_buffer.AsSpan(0, length), sink);
            }
            if (parser.Status == NetlinkDumpStatus.Failed)
                return new NetlinkDumpOutcome(false, parser.Interrupted, parser.Errno,
                    parser.Errno != 0 ? $"{parser.Problem} ({LibC.ErrnoName(parser.Errno)})" : parser.Problem, attempt, parser.Messages);
            if (!parser.Interrupted || attempt >= maxAttempts)
                return new NetlinkDumpOutcome(true, parser.Interrupted, 0, null, attempt, parser.Messages);
        }
    }
}
