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

    /// <summary>This policy with the command line on top: more rules disabled, and severity overrides that win over the file's.</summary>
    public AuditPolicy WithOverrides(IEnumerable<string> disable, IReadOnlyDictionary<string, Severity> severity)
    {
        var overrides = SeverityOverrides.ToBuilder();
        foreach (var (key, level) in severity)
            overrides[key.Trim()] = level;
        return this with
        {
            Disabled = Disabled.Union(disable.Select(d => d.Trim())),
            SeverityOverrides = overrides.ToImmutable(),
        };
    }

    public bool IsEnabled(Rule rule)
    {
        if (Disabled.Contains(rule.Id) || Disabled.Contains(rule.Descriptor.Category))
            return false;
        if (Enabled.Contains(rule.Id) || Enabled.Contains(rule.Descriptor.Category))
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
