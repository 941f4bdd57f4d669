using System.Collections.Immutable;
using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Reporting;

namespace TuneAdvisor;

/// <summary>How far an audit got: to the report, or which stage stopped it.</summary>
public enum AuditOutcome
{
    /// <summary>The snapshot was evaluated; <see cref="AuditResult.Report"/> holds the result.</summary>
    Completed,
    /// <summary>A rule file has errors (what the user wrote): nothing was audited.</summary>
    RulesInvalid,
    /// <summary>The policy file has errors or cannot be read (what the user wrote): nothing was audited.</summary>
    PolicyInvalid,
    /// <summary>The data source is missing, unreadable, unrecognised or empty: nothing was audited.</summary>
    SourceUnavailable,
    /// <summary>The baseline file (--baseline) cannot be read or is not a baseline (the user named it): nothing was audited.</summary>
    BaselineInvalid,
}

/// <summary>The diagnostics of an audit, each once, by the stage that produced it.</summary>
public sealed record StageDiagnostics
{
    public ImmutableArray<Diagnostic> Rules { get; init; } = [];
    public ImmutableArray<Diagnostic> Policy { get; init; } = [];
    public ImmutableArray<Diagnostic> Source { get; init; } = [];
    /// <summary>What applying the policy to the findings said (an expired waiver).</summary>
    public ImmutableArray<Diagnostic> Evaluation { get; init; } = [];
    /// <summary>Reading the baseline (--baseline) or writing one (--write-baseline).</summary>
    public ImmutableArray<Diagnostic> Baseline { get; init; } = [];

    /// <summary>All of them, in stage order.</summary>
    public IEnumerable<Diagnostic> All => [.. Rules, .. Policy, .. Baseline, .. Source, .. Evaluation];
}

/// <summary>One audit's result: the report (when it completed) and every stage's diagnostics.</summary>
public sealed record AuditResult
{
    public required AuditOutcome Outcome { get; init; }
    /// <summary>Set when <see cref="Outcome"/> is <see cref="AuditOutcome.Completed"/>.</summary>
    public AuditReport? Report { get; init; }

    /// <summary>The policy file the run read (named with --policy, or discovered), or null when it read none.</summary>
    public string? PolicyPath { get; init; }
    /// <summary>The policy the run used, merged for the snapshot's host; set when <see cref="Outcome"/> is Completed.</summary>
    public Policy.ResolvedPolicy? Policy { get; init; }

    /// <summary>The baseline this run wrote (--write-baseline), or null when it wrote none (not asked, or it failed: see <see cref="StageDiagnostics.Baseline"/>).</summary>
    public BaselineFile? WrittenBaseline { get; init; }

    /// <summary>Where <see cref="WrittenBaseline"/> was written.</summary>
    public string? WrittenBaselinePath { get; init; }
    public StageDiagnostics Diagnostics { get; init; } = new();
}
