using System.Collections.Immutable;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// A listening socket. For TCP and UNIX stream listeners <see cref="RecvQ"/> is the accept queue and
/// <see cref="SendQ"/> the backlog limit min(backlog, somaxconn); SendQ is null when the source cannot tell
/// (netstat and /proc/net/tcp always print 0 for listeners). For UDP both are bytes.
/// </summary>
public sealed record ListenerInfo
{
    /// <summary>tcp, udp or unix.</summary>
    public required string Protocol { get; init; }
    /// <summary>"127.0.0.1:8080", "[::]:443", "*:2379" or "/run/x.sock".</summary>
    public required string Local { get; init; }
    public string? Address { get; init; }
    public int? Port { get; init; }
    public long? RecvQ { get; init; }
    public long? SendQ { get; init; }
    /// <summary>True when <see cref="RecvQ"/> is a lower bound: the pasted row was cut inside the number, so digits may be missing (absent = exact).</summary>
    public bool? RecvQAtLeast { get; init; }
    /// <summary>True when <see cref="SendQ"/> is a lower bound (see <see cref="RecvQAtLeast"/>).</summary>
    public bool? SendQAtLeast { get; init; }
    /// <summary>True when the row was cut in the pasted input: what it lacks is unknown, and a local address it lacks or that was cut ends in "…" (absent = a complete row).</summary>
    public bool? Truncated { get; init; }
    public ulong? Cookie { get; init; }
    public ulong? Inode { get; init; }
    public uint? Uid { get; init; }
    /// <summary>Per-socket drops (SKMEMINFO sk_drops), when known.</summary>
    public long? Drops { get; init; }
    public ImmutableArray<ProcessRef> Processes { get; init; } = [];
    /// <summary>Where the row came from: "sock_diag", "ss_-peaonmi:12", "/proc/net/tcp6:4".</summary>
    public string Source { get; init; } = "";
}

/// <summary>A process holding a socket: pid, command name and (when known) the fd number.</summary>
public sealed record ProcessRef(int Pid, string Name, int? Fd = null);
