using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Evaluation;

/// <summary>
/// Evaluates compiled rules over a snapshot: expands each rule's scope, evaluates its condition per item, and
/// produces one outcome per (rule, subject) plus a <see cref="Finding"/> for every failure. Pure: same inputs,
/// same (sorted) outputs.
/// </summary>
public static class RuleEvaluator
{
    public static (ImmutableArray<Finding> Findings, ImmutableArray<RuleOutcome> Outcomes) Evaluate(
        IEnumerable<Rule> rules, SystemSnapshot snapshot, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Value>>? optionOverrides = null)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var outcomes = ImmutableArray.CreateBuilder<RuleOutcome>();
        foreach (var rule in rules)
        {
            var options = MergeOptions(rule, optionOverrides);
            if (NotApplicableReason(rule, snapshot) is { } why)
            {
                outcomes.Add(new RuleOutcome(rule.Id, "*", OutcomeKind.NotApplicable, why));
                continue;
            }
            var ctx = new EvalContext(snapshot, options);
            var items = rule.Scope.Items(snapshot);
            if (items.Count == 0)
            {
                outcomes.Add(new RuleOutcome(rule.Id, "*", OutcomeKind.Pass, $"no {rule.Scope.Collection} in this snapshot"));
                continue;
            }
            var subjects = SubjectNamer.Name(rule.Scope, items);
            for (int i = 0; i < items.Count; i++)
            {
                ctx.Item = items[i];
                var result = rule.Condition.Eval(ctx);
                if (result.IsUnknown)
                {
                    outcomes.Add(new RuleOutcome(rule.Id, subjects[i], OutcomeKind.NotEvaluated, result.UnknownReason));
                }
                else if (result.Boolean)
                {
                    outcomes.Add(new RuleOutcome(rule.Id, subjects[i], OutcomeKind.Fail, null));
                    findings.Add(MakeFinding(rule, ctx, subjects[i]));
                }
                else
                {
                    outcomes.Add(new RuleOutcome(rule.Id, subjects[i], OutcomeKind.Pass, null));
                }
            }
        }
        return (findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal).ToImmutableArray(),
                outcomes.OrderBy(o => o.RuleId, StringComparer.Ordinal).ThenBy(o => o.Subject, StringComparer.Ordinal).ToImmutableArray());
    }

    private static IReadOnlyDictionary<string, Value> MergeOptions(Rule rule, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Value>>? overrides)
    {
        if (overrides is null || !overrides.TryGetValue(rule.Id, out var mine))
            return rule.OptionDefaults;
        var merged = rule.OptionDefaults.ToBuilder();
        foreach (var (k, v) in mine)
            merged[k] = v;
        return merged.ToImmutable();
    }

    /// <summary>Why a rule cannot apply to this snapshot at all (data the source cannot provide, or the kernel), or null.</summary>
    public static string? NotApplicableReason(Rule rule, SystemSnapshot snapshot)
    {
        if (rule.Scope.Requires is { } cap && !snapshot.Has(cap))
            return $"{Describe(snapshot.Source)} has no {rule.Scope.Collection}";
        foreach (var req in rule.Requirements)
            if (!req.IsMetBy(snapshot))
                return $"{Describe(snapshot.Source)} has no {req.What}";
        if (rule.Kernel is { } range && KernelVersion.TryParse(snapshot.Host.Kernel, out var kernel) && !range.Contains(kernel))
            return $"kernel {snapshot.Host.Kernel} is outside {range.Text}";
        return null;
    }

    private static string Describe(SnapshotSource source) => source.Kind switch
    {
        SnapshotSource.Live => "this live collection",
        SnapshotSource.Image => "an image root (offline)",
        SnapshotSource.Sosreport => "this sosreport",
        SnapshotSource.Raw => "these captures",
        _ => $"this {source.Kind}",
    };

    private static Finding MakeFinding(Rule rule, EvalContext ctx, string subject)
    {
        var severity = rule.Descriptor.DefaultSeverity;
        foreach (var (when, escalated) in rule.Escalations)
        {
            var v = when.Eval(ctx);
            if (!v.IsUnknown && v.Boolean && escalated > severity)
                severity = escalated;
        }
        return new Finding
        {
            RuleId = rule.Id,
            Title = rule.Descriptor.Title,
            Category = rule.Descriptor.Category,
            Severity = severity,
            Subject = subject,
            Message = rule.Message.Render(ctx),
            Evidence = rule.Evidence.Select(p => new Evidence(p.Expression, p.Eval(ctx).Format(p.Type), p.Source(ctx))).ToImmutableArray(),
            Remediation = rule.Descriptor.Remediation?.Render(ctx),
            HelpPath = rule.Descriptor.HelpPath,
            RulePath = rule.Descriptor.Path,
        };
    }
}
