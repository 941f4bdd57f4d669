using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
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
        var expanded = new Dictionary<ScopeDefinition, ExpandedScope>(ReferenceEqualityComparer.Instance);
        string? previousId = null;
        bool idsAscending = true;
        foreach (var rule in rules)
        {
            idsAscending &= previousId is null || string.CompareOrdinal(previousId, rule.Id) < 0;
            previousId = rule.Id;
            var options = MergeOptions(rule, optionOverrides);
            if (NotApplicableReason(rule, snapshot) is { } why)
            {
                outcomes.Add(new RuleOutcome(rule.Id, "*", OutcomeKind.NotApplicable, why));
                continue;
            }
            if (!expanded.TryGetValue(rule.Scope, out var scope))
                expanded[rule.Scope] = scope = ExpandedScope.Of(rule.Scope, snapshot);
            if (scope.Items.Length == 0)
            {
                outcomes.Add(new RuleOutcome(rule.Id, "*", OutcomeKind.Pass, $"no {rule.Scope.Collection} in this snapshot"));
                continue;
            }
            EvaluateItems(rule, new EvalContext(snapshot, options), scope, findings, outcomes);
        }
        // Each rule's results are already in subject order, so rules in ascending id order (as RuleSet gives them)
        // need no sort. Otherwise sort as always; the sort is stable, so the result is the same either way.
        if (!idsAscending)
            return (findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal).ToImmutableArray(),
                    outcomes.OrderBy(o => o.RuleId, StringComparer.Ordinal).ThenBy(o => o.Subject, StringComparer.Ordinal).ToImmutableArray());
        return (findings.DrainToImmutable(), outcomes.DrainToImmutable());
    }

    /// <summary>
    /// Evaluates one rule over every item of its scope, in snapshot order (the items lie in memory in that order),
    /// and appends the outcomes and findings in subject order.
    /// </summary>
    private static void EvaluateItems(Rule rule, EvalContext ctx, ExpandedScope scope, ImmutableArray<Finding>.Builder findings, ImmutableArray<RuleOutcome>.Builder outcomes)
    {
        var items = scope.Items;
        var subjects = scope.Subjects;
        var results = new RuleOutcome?[items.Length];
        var condition = rule.Condition.Eval;
        var where = rule.Where?.Eval;
        Finding?[]? fired = null;
        ctx.SetItems(items);
        for (int i = 0; i < items.Length; i++)
        {
            ctx.Index = i;
            if (where is not null && where(ctx) is var applies && (applies.IsUnknown || !applies.Boolean))
            {
                // Not one of the rule's subjects; when the filter itself cannot be decided, say so for that item.
                if (applies.IsUnknown)
                    results[i] = new RuleOutcome(rule.Id, subjects[i], OutcomeKind.NotEvaluated, applies.UnknownReason);
                continue;
            }
            var result = condition(ctx);
            if (result.IsUnknown)
            {
                results[i] = new RuleOutcome(rule.Id, subjects[i], OutcomeKind.NotEvaluated, result.UnknownReason);
            }
            else if (result.Boolean)
            {
                results[i] = new RuleOutcome(rule.Id, subjects[i], OutcomeKind.Fail, null);
                fired ??= new Finding?[items.Length];
                fired[i] = MakeFinding(rule, ctx, subjects[i]);
            }
            else
            {
                results[i] = new RuleOutcome(rule.Id, subjects[i], OutcomeKind.Pass, null);
            }
        }
        var order = scope.SubjectOrder;
        if (rule.Scope.Interchangeable && subjects.Length != scope.DistinctSubjects)
            order = Renumber(results, fired, subjects, order);
        int added = 0;
        foreach (var i in order)
        {
            if (results[i] is not { } result)
                continue;
            outcomes.Add(result);
            added++;
            if (fired?[i] is { } finding)
                findings.Add(finding);
        }
        if (added == 0)
            outcomes.Add(new RuleOutcome(rule.Id, "*", OutcomeKind.Pass, $"no {rule.Scope.Collection} match where: {rule.Descriptor.Where}"));
    }

    /// <summary>
    /// Items of an interchangeable scope that share a name are numbered per rule, the ones it fired for first
    /// (<see cref="SubjectNamer.NumberFailuresFirst"/>): renames those outcomes and findings, and returns the order of the new names.
    /// </summary>
    private static int[] Renumber(RuleOutcome?[] results, Finding?[]? fired, string[] subjects, int[] order)
    {
        var kinds = new OutcomeKind?[results.Length];
        for (int i = 0; i < results.Length; i++)
            kinds[i] = results[i]?.Kind;
        var (names, renumbered) = SubjectNamer.NumberFailuresFirst(subjects, order, kinds);
        if (ReferenceEquals(names, subjects))
            return order;
        for (int i = 0; i < results.Length; i++)
        {
            if (results[i] is not { } r || ReferenceEquals(names[i], subjects[i]))
                continue;
            results[i] = r with { Subject = names[i] };
            if (fired?[i] is { } f)
                fired[i] = f with { Subject = names[i] };
        }
        return renumbered;
    }

    /// <summary>
    /// A scope's items (as an array, for <see cref="EvalContext.SetItems"/>), their subject names, the order that
    /// sorts the names and how many distinct names there are, computed once per evaluation.
    /// </summary>
    private sealed record ExpandedScope(object[] Items, string[] Subjects, int[] SubjectOrder, int DistinctSubjects)
    {
        public static ExpandedScope Of(ScopeDefinition scope, SystemSnapshot snapshot)
        {
            var items = scope.Items(snapshot) switch
            {
                ImmutableArray<object> a => a.IsDefault ? [] : ImmutableCollectionsMarshal.AsArray(a)!,
                object[] a => a,
                var list => list.ToArray(),
            };
            var subjects = SubjectNamer.Name(scope, snapshot, items);
            var order = new int[items.Length];
            for (int i = 0; i < order.Length; i++)
                order[i] = i;
            // Ordinal by subject, then snapshot order: what a stable sort by subject gives.
            Array.Sort(order, (a, b) => string.CompareOrdinal(subjects[a], subjects[b]) is var c && c != 0 ? c : a.CompareTo(b));
            int distinct = order.Length == 0 ? 0 : 1;
            for (int j = 1; j < order.Length; j++)
                if (!string.Equals(subjects[order[j - 1]], subjects[order[j]], StringComparison.Ordinal))
                    distinct++;
            return new ExpandedScope(items, subjects, order, distinct);
        }
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
        if (rule.Scope.Requires is { } caps && !caps.Any(snapshot.Has))
            return $"needs {rule.Scope.Describes}, which {Describe(snapshot.Source)} cannot provide";
        foreach (var req in rule.Requirements)
            if (!req.IsMetBy(snapshot))
                return $"needs {req.What}, which {Describe(snapshot.Source)} cannot provide";
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
