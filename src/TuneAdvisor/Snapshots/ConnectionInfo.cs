using System.Collections.Immutable;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// A non-listening socket (TCP in any state but LISTEN, or a connected UDP socket).
/// RecvQ = unread in-order bytes; SendQ = bytes not yet acknowledged (sent or unsent).
/// </summary>
public sealed record ConnectionInfo
{
    /// <summary>tcp or udp.</summary>
    public required string Protocol { get; init; }
    /// <summary>State as ss spells it: ESTAB, SYN-SENT, SYN-RECV, FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT, CLOSE, CLOSE-WAIT, LAST-ACK, CLOSING, UNCONN.</summary>
    public required string State { get; init; }
    public required string Local { get; init; }
    public required string Remote { get; init; }
    public string? LocalAddress { get; init; }
    public int? LocalPort { get; init; }
    public string? RemoteAddress { get; init; }
    public int? RemotePort { get; init; }
    public long? RecvQ { get; init; }
    public long? SendQ { get; init; }
    /// <summary>True when <see cref="RecvQ"/> is a lower bound: the pasted row was cut inside the number, so digits may be missing (absent = exact).</summary>
    public bool? RecvQAtLeast { get; init; }
    /// <summary>True when <see cref="SendQ"/> is a lower bound (see <see cref="RecvQAtLeast"/>).</summary>
    public bool? SendQAtLeast { get; init; }
    /// <summary>True when the row was cut in the pasted input: what it lacks is unknown, and an address it lacks or that was cut ends in "…" (absent = a complete row).</summary>
    public bool? Truncated { get; init; }
    public ulong? Cookie { get; init; }
    public ulong? Inode { get; init; }
    public uint? Uid { get; init; }
    /// <summary>The timer as idiag_timer: 0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe.</summary>
    public int? Timer { get; init; }
    public string? Congestion { get; init; }
    public TcpInfo? Info { get; init; }
    public SocketMemory? Memory { get; init; }
    /// <summary>Bytes acked by the peer (tx) between the two samples, keyed by socket cookie; null with one sample.</summary>
    public long? DeltaBytesAcked { get; init; }
    /// <summary>Bytes received between the two samples; null with one sample.</summary>
    public long? DeltaBytesReceived { get; init; }
    public ImmutableArray<ProcessRef> Processes { get; init; } = [];
    public string Source { get; init; } = "";
}
