using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>Receives the data messages of one dump attempt.</summary>
public interface INetlinkDumpSink
{
    /// <summary>Forget everything received so far: a new attempt starts (after NLM_F_DUMP_INTR).</summary>
    void Reset();

    /// <summary>One data message (not NOOP, DONE or ERROR) of the dump.</summary>
    void OnMessage(scoped in NetlinkMessage message);
}

public enum NetlinkDumpStatus
{
    /// <summary>More datagrams are expected.</summary>
    Continue,
    /// <summary>NLMSG_DONE with status 0 (or an ACK) arrived.</summary>
    Done,
    /// <summary>NLMSG_ERROR, NLMSG_DONE with a negative errno, NLMSG_OVERRUN or a malformed datagram.</summary>
    Failed,
}

/// <summary>
/// The pure state machine of one dump attempt: fed datagrams as they arrive, it skips messages of another sequence
/// number (stale replies), notes NLM_F_DUMP_INTR, stops at NLMSG_DONE and turns NLMSG_ERROR / a negative DONE status
/// into an errno. No socket here, so it is tested on captured bytes.
/// </summary>
public sealed class NetlinkDumpParser
{
    public NetlinkDumpParser(uint sequence) => Sequence = sequence;

    public uint Sequence { get; }
    public NetlinkDumpStatus Status { get; private set; }
    /// <summary>Some message carried NLM_F_DUMP_INTR: the socket table changed during the dump.</summary>
    public bool Interrupted { get; private set; }
    /// <summary>The positive errno of a failed dump (from NLMSG_ERROR or NLMSG_DONE), 0 otherwise.</summary>
    public int Errno { get; private set; }
    /// <summary>What went wrong, in words, when <see cref="Status"/> is Failed.</summary>
    public string? Problem { get; private set; }
    /// <summary>Data messages handed to the sink.</summary>
    public int Messages { get; private set; }
    /// <summary>Messages skipped because their nlmsg_seq was not <see cref="Sequence"/>.</summary>
    public int ForeignMessages { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public NetlinkDumpStatus Feed(ReadOnlySpan<byte> datagram, INetlinkDumpSink sink)
    {
        if (Status != NetlinkDumpStatus.Continue)
            return Status;
        var reader = new NetlinkMessageReader(datagram);
        while (reader.MoveNext())
        {
            var message = reader.Current;
            if (message.Sequence != Sequence)
            {
                ForeignMessages++;
                continue;
            }
            if ((message.Flags & NetlinkConstants.NLM_F_DUMP_INTR) != 0)
                Interrupted = true;
            switch (message.Type)
            {
                case NetlinkConstants.NLMSG_NOOP:
                    continue;
                case NetlinkConstants.NLMSG_DONE:
                    int status = message.Payload.Length >= 4 ? MemoryMarshal.Read<int>(message.Payload) : 0;
                    return status < 0 ? Fail(-status, $"NLMSG_DONE reports error {status}") : Status = NetlinkDumpStatus.Done;
                case NetlinkConstants.NLMSG_ERROR:
                    if (message.Payload.Length < 4)
                        return Fail(0, "NLMSG_ERROR without an error code");
                    int error = MemoryMarshal.Read<int>(message.Payload);
                    return error == 0 ? Status = NetlinkDumpStatus.Done : Fail(-error, $"NLMSG_ERROR {error}");
                case NetlinkConstants.NLMSG_OVERRUN:
                    return Fail(0, "NLMSG_OVERRUN: data lost");
                default:
                    Messages++;
                    sink.OnMessage(message);
                    break;
            }
        }
        return reader.Problem is null ? NetlinkDumpStatus.Continue : Fail(0, reader.Problem);
    }

    private NetlinkDumpStatus Fail(int errno, string problem)
    {
        Errno = errno;
        Problem = problem;
        return Status = NetlinkDumpStatus.Failed;
    }
}
