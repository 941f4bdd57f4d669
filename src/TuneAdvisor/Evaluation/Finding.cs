using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Evaluation;

/// <summary>
/// A rule that fired for one subject: a diagnostic about the host, with the evidence behind it and its code fix.
/// <see cref="Fingerprint"/> identifies it across runs (rule id + subject, never the message text): baselines match on it.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required Severity Severity { get; init; }
    public required string Subject { get; init; }
    public required string Message { get; init; }
    public ImmutableArray<Evidence> Evidence { get; init; } = [];
    public Fix? Remediation { get; init; }
    public string? HelpPath { get; init; }
    public string RulePath { get; init; } = "";
    public string Fingerprint => $"{RuleId}|{Subject}";
    /// <summary>Set by policy: why this finding does not count (a waiver).</summary>
    public Suppression? Suppression { get; init; }
    /// <summary>Whether the run's baseline holds it; null when the run was given no baseline.</summary>
    public BaselineState? Baseline { get; init; }
}

/// <summary>A value the rule looked at: the expression, its value in the rule's units, and where it came from.</summary>
public sealed record Evidence(string Expression, string Value, string? Source);

/// <summary>Why a finding is suppressed: kind "waiver", with the justification. (Being in the baseline is <see cref="Finding.Baseline"/>.)</summary>
public sealed record Suppression(string Kind, string Justification);
