using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Evaluation;

/// <summary>Everything one audit produced, ready for the report writers. Sorted and immutable.</summary>
public sealed record AnalysisResult
{
    public required SystemSnapshot Snapshot { get; init; }
    public required ImmutableArray<RuleDescriptor> Rules { get; init; }
    public required ImmutableArray<Finding> Findings { get; init; }
    public required ImmutableArray<RuleOutcome> Outcomes { get; init; }
    /// <summary>Diagnostics from rule compilation, input reading and policy.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];
    public required DateTimeOffset GeneratedAt { get; init; }
    public required string ToolVersion { get; init; }

    public int Count(OutcomeKind kind) => Outcomes.Count(o => o.Kind == kind);

    /// <summary>Findings that count for the exit code: not waived, and not in the run's baseline (new, or no baseline given).</summary>
    public IEnumerable<Finding> ActiveFindings => Findings.Where(f => f.Suppression is null && f.Baseline != BaselineState.Unchanged);
}
