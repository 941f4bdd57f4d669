using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Policy;

/// <summary>
/// The user's policy, applied after evaluation: which rules run, severity overrides (per id, per category, or "all"),
/// option overrides, and waivers. Waived findings stay in the report, marked, and do not count for the exit code.
/// </summary>
public sealed record AuditPolicy
{
    public static AuditPolicy Default { get; } = new();

    public ImmutableHashSet<string> Disabled { get; init; } = ImmutableHashSet<string>.Empty;
    public ImmutableHashSet<string> Enabled { get; init; } = ImmutableHashSet<string>.Empty;
    /// <summary>Key: a rule id, a category, or "all"; the most specific wins.</summary>
    public ImmutableDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary<string, Severity>.Empty;
    public ImmutableDictionary<string, IReadOnlyDictionary<string, Value>> OptionOverrides { get; init; } = ImmutableDictionary<string, IReadOnlyDictionary<string, Value>>.Empty;
    public ImmutableArray<Waiver> Waivers { get; init; } = [];

    /// <summary>The most specific switch wins: the rule's id, then its category, then the rule's own default.</summary>
    public bool IsEnabled(Rule rule)
    {
        if (Disabled.Contains(rule.Id))
            return false;
        if (Enabled.Contains(rule.Id))
            return true;
        if (Disabled.Contains(rule.Descriptor.Category))
            return false;
        if (Enabled.Contains(rule.Descriptor.Category))
            return true;
        return rule.Descriptor.EnabledByDefault && SeverityFor(rule.Id, rule.Descriptor.Category) != Severity.None;
    }

    private Severity? SeverityFor(string id, string category) =>
        SeverityOverrides.TryGetValue(id, out var s) ? s
        : SeverityOverrides.TryGetValue(category, out s) ? s
        : SeverityOverrides.TryGetValue("all", out s) ? s
        : null;

    public ImmutableArray<Finding> Apply(ImmutableArray<Finding> findings, DateTimeOffset now, out ImmutableArray<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var result = ImmutableArray.CreateBuilder<Finding>(findings.Length);
        foreach (var f in findings)
        {
            var finding = f;
            if (SeverityFor(f.RuleId, f.Category) is { } severity)
                finding = finding with { Severity = severity };
            foreach (var w in Waivers)
            {
                if (!w.Matches(finding))
                    continue;
                if (w.Expires is { } expires && expires <= now)
                {
                    bag.Add(KnownDiagnostics.WaiverExpired, w.Location, finding.Fingerprint, WaiverExpiry.Format(expires));
                    continue;
                }
                finding = finding with { Suppression = new Suppression("waiver", w.Describe()) };
                break;
            }
            if (finding.Severity != Severity.None)
                result.Add(finding);
        }
        diagnostics = bag.ToImmutableSorted();
        return result.ToImmutable();
    }
}
