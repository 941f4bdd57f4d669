using System.Collections.Immutable;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Baselines;

/// <summary>
/// A run's findings against a baseline, by fingerprint only (rule id + subject): each finding is new or unchanged
/// (<see cref="Finding.Baseline"/>), and each baseline entry no finding matches is either <see cref="Fixed"/> (its rule
/// ran and the subject passed or is gone) or <see cref="NotChecked"/> (its rule did not run here, is not applicable to
/// this source, or could not evaluate the subject), which is not the same as fixed.
/// </summary>
public sealed record BaselineComparison(string Path, BaselineFile Baseline, ImmutableArray<BaselineEntry> Fixed, ImmutableArray<BaselineEntry> NotChecked)
{
    /// <summary>The findings of <paramref name="result"/> marked new or unchanged, and the comparison.</summary>
    public static (AnalysisResult Result, BaselineComparison Comparison) Apply(AnalysisResult result, BaselineFile baseline, string path)
    {
        var recorded = baseline.Findings.Select(e => e.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var findings = result.Findings
            .Select(f => f with { Baseline = recorded.Contains(f.Fingerprint) ? BaselineState.Unchanged : BaselineState.New })
            .ToImmutableArray();

        var found = result.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var ran = result.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unanswered = result.Outcomes
            .Where(o => o.Kind is OutcomeKind.NotApplicable or OutcomeKind.NotEvaluated)
            .Select(o => (o.RuleId, o.Subject))
            .ToHashSet();
        var fix = ImmutableArray.CreateBuilder<BaselineEntry>();
        var notChecked = ImmutableArray.CreateBuilder<BaselineEntry>();
        foreach (var entry in baseline.Findings.DistinctBy(e => e.Fingerprint, StringComparer.Ordinal).OrderBy(e => e.Fingerprint, StringComparer.Ordinal))
        {
            if (found.Contains(entry.Fingerprint))
                continue;
            bool checkedHere = ran.Contains(entry.RuleId) && !unanswered.Contains((entry.RuleId, "*")) && !unanswered.Contains((entry.RuleId, entry.Subject));
            (checkedHere ? fix : notChecked).Add(entry);
        }
        return (result with { Findings = findings }, new BaselineComparison(path, baseline, fix.ToImmutable(), notChecked.ToImmutable()));
    }
}
