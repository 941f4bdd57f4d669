using TuneAdvisor.Drift;

namespace TuneAdvisor;

/// <summary>One diff's result: the differences (when both audits completed), or the stage that stopped it, and every diagnostic once.</summary>
public sealed record DiffResult
{
    /// <summary>Completed, or why the first audit that could not complete stopped (a snapshot, the rules or the policy).</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="AuditOutcome.Completed"/>.</summary>
    public SnapshotDiff? Diff { get; init; }

    /// <summary>The policy file both audits read, or null when they read none.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>The rules' and policy's diagnostics once, and each snapshot's own.</summary>
    public StageDiagnostics Diagnostics { get; init; } = new();

    /// <summary>
    /// Both audits' diagnostics, each once: the rules and the policy are the same for both, so the first audit's; each
    /// snapshot's own; an expired waiver said by both once.
    /// </summary>
    internal static StageDiagnostics Merge(StageDiagnostics before, StageDiagnostics after) => before with
    {
        Source = [.. before.Source.Concat(after.Source).Distinct()],
        Evaluation = [.. before.Evaluation.Concat(after.Evaluation).Distinct()],
    };
}
