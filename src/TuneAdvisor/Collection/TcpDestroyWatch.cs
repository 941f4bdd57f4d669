using System.Collections.Immutable;
using System.Diagnostics;
using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO.Native;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>Opens a netlink socket for the destroy groups; null and the errno on failure.</summary>
public delegate INetlinkGroupTransport? NetlinkGroupOpener(out int errno);

/// <summary>
/// Listens to the sock_diag TCP destroy groups (IPv4 and IPv6; needs CAP_NET_ADMIN) for the length of a sampling
/// window, so that connections that open and close between the two samples still count (what `ss -E` shows). A
/// background thread drains the socket as events arrive into a bounded list, so a burst of closes never waits in the
/// kernel's queue for the end of the window; the socket's receive buffer is raised to <see cref="ReceiveBufferBytes"/>
/// for the moments the thread is descheduled. Events the kernel drops (ENOBUFS) or past <see cref="DefaultCapacity"/>
/// are counted and reported as a note, never silently.
/// </summary>
public sealed class TcpDestroyWatch : IDisposable
{
    /// <summary>Where notes about destroy events point.</summary>
    public const string Location = "sock_diag destroy events";

    /// <summary>About 4 000 queued events (an event's skb is about 2 KiB of truesize); the kernel doubles the value.</summary>
    public const int ReceiveBufferBytes = 4 << 20;

    /// <summary>The most closed connections kept (each a few hundred bytes in memory).</summary>
    public const int DefaultCapacity = 250_000;

    /// <summary>How long the reader blocks before it looks at the stop flag again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>After <see cref="Stop"/>, how long the reader keeps draining a queue that never runs empty.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(1);

    public static NetlinkGroupOpener DefaultOpener { get; } =
        (out int errno) => NetlinkSocket.TryOpen(NetlinkConstants.NETLINK_SOCK_DIAG, PollInterval, out errno);

    private readonly INetlinkGroupTransport _transport;
    private readonly TcpDestroyDecoder _decoder;
    private readonly Lock _lock = new();
    private readonly Thread _thread;
    private readonly List<string> _startProblems;
    private volatile bool _stopping;
    private int _mark;
    private int _noBuffers;
    private string? _failure;
    private bool _stopped;

    private TcpDestroyWatch(INetlinkGroupTransport transport, TcpDestroyDecoder decoder, List<string> startProblems)
    {
        _transport = transport;
        _decoder = decoder;
        _startProblems = startProblems;
        _thread = new Thread(Run) { IsBackground = true, Name = "sock_diag destroy events" };
        _thread.Start();
    }

    /// <summary>
    /// Opens and subscribes the socket and starts the reader; null with the reason in words when the subscription
    /// is impossible (no netlink socket, EPERM without CAP_NET_ADMIN, a kernel without the groups).
    /// </summary>
    public static TcpDestroyWatch? TryStart(NetlinkGroupOpener open, SocketAddressFormatter formatter, out string whyNot, int capacity = DefaultCapacity)
    {
        var transport = open(out int errno);
        if (transport is null)
        {
            whyNot = $"socket(AF_NETLINK, NETLINK_SOCK_DIAG) failed: {LibC.ErrnoName(errno)}";
            return null;
        }
        var problems = new List<string>();
        errno = transport.JoinGroup(NetlinkConstants.SKNLGRP_INET_TCP_DESTROY);
        if (errno != 0)
        {
            transport.Dispose();
            whyNot = $"joining SKNLGRP_INET_TCP_DESTROY failed: {LibC.ErrnoName(errno)}{(errno == LibC.EPERM ? ", which needs CAP_NET_ADMIN" : "")}";
            return null;
        }
        errno = transport.JoinGroup(NetlinkConstants.SKNLGRP_INET6_TCP_DESTROY);
        if (errno != 0)
            problems.Add($"joining SKNLGRP_INET6_TCP_DESTROY failed: {LibC.ErrnoName(errno)}; IPv6 connections that closed in the window are not counted");
        errno = transport.SetReceiveBuffer(ReceiveBufferBytes);
        if (errno != 0)
            problems.Add($"raising the receive buffer to {ReceiveBufferBytes} bytes failed: {LibC.ErrnoName(errno)}; a burst of closes may overflow it");
        whyNot = "";
        return new TcpDestroyWatch(transport, new TcpDestroyDecoder(formatter, capacity), problems);
    }

    /// <summary>Call when the first sample is complete: events received so far belong to sockets closed before or during it.</summary>
    public void MarkFirstSample()
    {
        lock (_lock)
            _mark = _decoder.Sockets.Count;
    }

    /// <summary>
    /// Stops listening after the last sample and hands the capture to <paramref name="last"/>: its
    /// <see cref="SampleBuilder.Destroyed"/>, the <see cref="SnapshotCapability.ClosedConnections"/> capability, the
    /// input name, and a note for every loss or problem.
    /// </summary>
    public void Stop(SampleBuilder last)
    {
        bool joined = Finish();
        int noBuffers = Volatile.Read(ref _noBuffers);
        long? drops = _transport.Drops();
        if (joined)
            _transport.Dispose();
        lock (_lock)
        {
            last.Destroyed = new TcpDestroyCapture([.. _decoder.Sockets], Math.Min(_mark, _decoder.Sockets.Count));
            last.Capabilities.Add(SnapshotCapability.ClosedConnections);
            last.Inputs.Add(Location);
            const string undercount = "connections that closed in the window are undercounted in the peer table";
            if (drops is > 0)
                last.Note(KnownDiagnostics.TruncatedInput, Location,
                    $"{drops} destroy events lost: the kernel dropped them when the listener's receive queue was full (ENOBUFS); {undercount}");
            else if (noBuffers > 0)
                last.Note(KnownDiagnostics.TruncatedInput, Location,
                    $"destroy events lost: recv reported ENOBUFS {noBuffers} time(s) and the number dropped is unknown; {undercount}");
            if (_decoder.Overflow > 0)
                last.Note(KnownDiagnostics.TruncatedInput, Location,
                    $"{_decoder.Overflow} destroy events lost: more than {_decoder.Capacity} connections closed in the window and only the first {_decoder.Capacity} are kept; {undercount}");
            if (_decoder.ProblemCount > 0)
                last.Note(KnownDiagnostics.InputLineSkipped, Location,
                    $"{_decoder.ProblemCount} destroy event(s) only partly decoded, e.g. {_decoder.FirstProblem}");
            foreach (var problem in _startProblems)
                last.Note(KnownDiagnostics.InputNote, Location, problem);
            if (_failure is not null)
                last.Note(KnownDiagnostics.TruncatedInput, Location, $"listening for destroy events stopped early: {_failure}; {undercount}");
            if (!joined)
                last.Note(KnownDiagnostics.TruncatedInput, Location, "the destroy event reader did not stop in time; events after it was abandoned are missing");
        }
    }

    /// <summary>Stops the reader and closes the socket without reporting (cancellation, failures).</summary>
    public void Dispose()
    {
        if (Finish())
            _transport.Dispose();
    }

    /// <summary>Asks the reader to stop; true once it has (then the socket may be closed).</summary>
    private bool Finish()
    {
        if (_stopped)
            return false;
        _stopping = true;
        bool joined = _thread.Join(DrainLimit + PollInterval + TimeSpan.FromSeconds(5));
        _stopped = true;
        return joined;
    }

    private void Run()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(NetlinkDumper.BufferSize);
        long drainStarted = 0;
        try
        {
            while (true)
            {
                // Read the flag before the receive: an empty receive that started after Stop means the queue
                // held nothing more from before it.
                bool stopping = _stopping;
                if (stopping)
                {
                    if (drainStarted == 0)
                        drainStarted = Stopwatch.GetTimestamp();
                    else if (Stopwatch.GetElapsedTime(drainStarted) > DrainLimit)
                        return;
                }
                int errno = _transport.Receive(buffer, out int length);
                if (errno == LibC.EAGAIN)
                {
                    if (stopping)
                        return;
                    continue;
                }
                if (errno == LibC.ENOBUFS)
                {
                    Interlocked.Increment(ref _noBuffers);
                    continue;
                }
                if (errno != 0)
                {
                    _failure = $"recv: {LibC.ErrnoName(errno)}";
                    return;
                }
                lock (_lock)
                {
                    if (length > buffer.Length)
                        _decoder.Problem($"datagram of {length} bytes truncated to {buffer.Length} (MSG_TRUNC)");
                    else
                        _decoder.Feed(buffer.AsSpan(0, length));
                }
            }
        }
        catch (Exception ex)
        {
            // A bug in decoding must not kill the process from a background thread; it is reported at Stop.
            _failure = $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
