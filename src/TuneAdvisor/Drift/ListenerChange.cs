using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Drift;

/// <summary>
/// A listener that appeared, disappeared or changed its backlog. <see cref="Subject"/> is the name findings give it
/// ("listener tcp 0.0.0.0:443", "#n" within a SO_REUSEPORT group), as the second snapshot names it when it has it.
/// </summary>
public sealed record ListenerChange(string Subject, ChangeKind Kind, ListenerInfo? Before, ListenerInfo? After)
{
    /// <summary>appeared, disappeared or changed.</summary>
    public string Change => Kind switch { ChangeKind.Added => "appeared", ChangeKind.Removed => "disappeared", _ => "changed" };

    public long? BeforeBacklog => Backlog(Before);

    public long? AfterBacklog => Backlog(After);

    /// <summary>The backlog limit: Send-Q of a TCP or UNIX listener (for UDP Send-Q counts bytes, so it has none); null when unknown.</summary>
    public static long? Backlog(ListenerInfo? listener) => listener is { Protocol: not "udp" } ? listener.SendQ : null;
}
