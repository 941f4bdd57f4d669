using System.Collections.Immutable;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Drift;

/// <summary>
/// Findings new, fixed or changed in severity, matched by fingerprint (rule id + subject; never the message, whose
/// numbers drift). Sorted by rule id, then subject. Waived findings take part like any other: the same policy waives
/// them on both sides.
/// </summary>
public static class FindingDiffer
{
    public static (ImmutableArray<FindingChange> Changes, int Unchanged) Compare(AnalysisResult before, AnalysisResult after)
    {
        var a = before.Findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
        var b = after.Findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
        var changes = new List<FindingChange>();
        int unchanged = 0;
        foreach (var fingerprint in a.Keys.Union(b.Keys))
        {
            a.TryGetValue(fingerprint, out var x);
            b.TryGetValue(fingerprint, out var y);
            if (x is null)
                changes.Add(new FindingChange(ChangeKind.Added, null, y, WhyNot(before, y!, "first")));
            else if (y is null)
                changes.Add(new FindingChange(ChangeKind.Removed, x, null, WhyNot(after, x, "second")));
            else if (x.Severity != y.Severity)
                changes.Add(new FindingChange(ChangeKind.Changed, x, y));
            else
                unchanged++;
        }
        return ([.. changes.OrderBy(c => c.Finding.RuleId, StringComparer.Ordinal).ThenBy(c => c.Finding.Subject, StringComparer.Ordinal)], unchanged);
    }

    /// <summary>Why the other audit could not have raised <paramref name="finding"/>, when it could not.</summary>
    private static string? WhyNot(AnalysisResult other, Finding finding, string which)
    {
        foreach (var o in other.Outcomes)
        {
            if (o.RuleId != finding.RuleId)
                continue;
            if (o.Kind == OutcomeKind.NotApplicable)
                return $"{finding.RuleId} was not applicable to the {which} snapshot: {o.Reason}";
            if (o.Kind == OutcomeKind.NotEvaluated && o.Subject == finding.Subject)
                return $"not evaluated in the {which} snapshot: {o.Reason}";
        }
        return null;
    }
}
