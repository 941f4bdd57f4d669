
namespace TuneAdvisor;

/// <summary>
/// What `tuneadvisor diff` is asked: two saved snapshots (the first is "before"), the rules and policy both are audited
/// with, and whether volatile values are compared too. The CLI folds its options into one of these.
/// </summary>
public sealed record DiffRequest
{
    /// <summary>The first saved snapshot ('-' reads standard input).</summary>
    public required string Before { get; init; }

    /// <summary>The second saved snapshot ('-' reads standard input).</summary>
    public required string After { get; init; }

    /// <summary>
    /// How each snapshot is audited: the rules and the policy (file or discovery, --disable, --severity), exactly as
    /// `audit` takes them. Its <see cref="AuditRequest.Source"/> is replaced by each snapshot in turn, and its
    /// <see cref="AuditRequest.FailOn"/> does not matter: a diff's gate is a change.
    /// </summary>
    public AuditRequest Audit { get; init; } = new();

    /// <summary>Also compare volatile values: counters, pids, uuids, the boot id, timestamps (--all).</summary>
    public bool IncludeVolatile { get; init; }
}
