using System.Collections.Concurrent;
using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Tests.Collection;

/// <summary>
/// A destroy-group socket that replays what a test queues: datagrams or errnos, then EAGAIN (after a short sleep,
/// like SO_RCVTIMEO) while nothing is queued. Join and buffer results, and the SO_MEMINFO drop count, are set up front.
/// </summary>
internal sealed class ScriptedGroupTransport : INetlinkGroupTransport
{
    private readonly ConcurrentQueue<(int Errno, byte[] Data)> _pending = new();

    public int JoinErrno { get; init; }
    public int Join6Errno { get; init; }
    public int BufferErrno { get; init; }
    public long? DropCount { get; init; }
    public List<uint> Joined { get; } = new();
    public bool Disposed { get; private set; }

    private readonly Lock _gate = new();
    private bool _inFlight;

    /// <summary>
    /// Waits until the reader has taken everything queued and come back for more (found nothing): by then it has
    /// decoded every datagram it took.
    /// </summary>
    public void WaitUntilIdle()
    {
        bool Idle() { lock (_gate) return _pending.IsEmpty && !_inFlight; }
        if (!SpinWait.SpinUntil(Idle, TimeSpan.FromSeconds(10)))
            throw new TimeoutException("the reader never drained the scripted socket");
    }

    public void Enqueue(byte[] datagram) => _pending.Enqueue((0, datagram));

    public void EnqueueErrno(int errno) => _pending.Enqueue((errno, []));

    public int JoinGroup(uint group)
    {
        Joined.Add(group);
        return group == NetlinkConstants.SKNLGRP_INET6_TCP_DESTROY ? Join6Errno : JoinErrno;
    }

    public int SetReceiveBuffer(int bytes) => BufferErrno;

    public long? Drops() => DropCount;

    public int Send(ReadOnlySpan<byte> message) => 95; // EOPNOTSUPP: the watch never sends

    public int Receive(Span<byte> buffer, out int length)
    {
        (int Errno, byte[] Data) item;
        lock (_gate)
        {
            _inFlight = _pending.TryDequeue(out item);
        }
        if (!_inFlight)
        {
            Thread.Sleep(2);
            length = 0;
            return 11; // EAGAIN
        }
        item.Data.CopyTo(buffer);
        length = item.Data.Length;
        return item.Errno;
    }

    public void Dispose() => Disposed = true;
}
