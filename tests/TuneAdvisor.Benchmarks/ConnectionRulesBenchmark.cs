using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Benchmarks;

/// <summary>
/// Ten connection-scope rules over 100 000 connections, compiled from rule YAML, against the same conditions as
/// hand-written C# lambdas, in two groups with a ratio each:
/// <list type="bullet">
/// <item>Conditions: the compiled condition delegates in a loop over the connections, stepping
/// <see cref="EvalContext.Index"/> as <see cref="RuleEvaluator"/> does, vs the lambdas in a loop over the same connections.</item>
/// <item>Evaluator: the full <see cref="RuleEvaluator"/> (scope expansion, subject names, one outcome per rule and
/// connection, findings with messages and evidence, sorting) over the compiled rules vs over the same rules with their
/// conditions replaced by the lambdas, so the ratio isolates what the condition language costs inside a real audit.</item>
/// </list>
/// Each method returns a checksum of its results so nothing is optimised away; <see cref="Setup"/> checks that the
/// compiled rules and the lambdas agree on every (rule, connection) pair before anything is timed.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ConnectionRulesBenchmark
{
    public const int Connections = 100_000;

    private SystemSnapshot _snapshot = null!;
    private ImmutableArray<ConnectionInfo> _connections;
    private object[] _items = null!;
    private ImmutableArray<Rule> _rules;
    private ImmutableArray<Rule> _handWrittenRules;
    private EvalContext[] _contexts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = SyntheticConnections.Create(Connections);
        _connections = _snapshot.Connections;
        _items = [.. _connections];
        _rules = ConnectionRules.Compile().Rules;
        _contexts = _rules.Select(r => new EvalContext(_snapshot, r.OptionDefaults)).ToArray();
        _handWrittenRules = _rules.Select((r, i) => r with { Condition = FromLambda(r.Condition, HandWrittenConditions.All[i]) }).ToImmutableArray();
        Verify();
    }

    [Benchmark(Baseline = true, Description = "Hand-written C# lambdas")]
    [BenchmarkCategory("Conditions")]
    public int HandWritten()
    {
        var conditions = HandWrittenConditions.All;
        var tally = default(Tally);
        foreach (var condition in conditions)
            foreach (var c in _connections)
                tally = tally.Add(condition(c));
        return tally.Fail * 31 + tally.Unknown;
    }

    [Benchmark(Description = "Compiled conditions (delegates)")]
    [BenchmarkCategory("Conditions")]
    public int CompiledConditions()
    {
        var tally = default(Tally);
        for (int r = 0; r < _rules.Length; r++)
        {
            var condition = _rules[r].Condition.Eval;
            var ctx = _contexts[r];
            ctx.SetItems(_items);
            for (int i = 0; i < _items.Length; i++)
            {
                ctx.Index = i;
                var v = condition(ctx);
                tally = tally.Add(v.IsUnknown ? null : v.Boolean);
            }
        }
        return tally.Fail * 31 + tally.Unknown;
    }

    [Benchmark(Baseline = true, Description = "RuleEvaluator, hand-written conditions")]
    [BenchmarkCategory("Evaluator")]
    public int EvaluatorHandWritten() => Checksum(RuleEvaluator.Evaluate(_handWrittenRules, _snapshot));

    [Benchmark(Description = "RuleEvaluator, compiled conditions")]
    [BenchmarkCategory("Evaluator")]
    public int Evaluator() => Checksum(RuleEvaluator.Evaluate(_rules, _snapshot));

    private static int Checksum((ImmutableArray<Finding> Findings, ImmutableArray<RuleOutcome> Outcomes) result) =>
        result.Findings.Length * 31 + result.Outcomes.Count(o => o.Kind == OutcomeKind.NotEvaluated);

    /// <summary>A rule condition that calls a lambda; the lambda cannot say why a value is unknown.</summary>
    private static BoundExpression FromLambda(BoundExpression compiled, Func<ConnectionInfo, bool?> lambda)
    {
        var unknown = Value.Unknown("unknown");
        return compiled with { Eval = ctx => lambda((ConnectionInfo)ctx.Item!) switch { true => Value.True, false => Value.False, null => unknown } };
    }

    /// <summary>Fails loudly when the compiled rules and the lambdas disagree: the comparison would be meaningless.</summary>
    public void Verify()
    {
        var conditions = HandWrittenConditions.All;
        if (conditions.Length != _rules.Length)
            throw new InvalidOperationException($"{_rules.Length} rules but {conditions.Length} lambdas");
        for (int r = 0; r < _rules.Length; r++)
        {
            var ctx = _contexts[r];
            var compiled = default(Tally);
            var hand = default(Tally);
            foreach (var c in _connections)
            {
                ctx.Item = c;
                var v = _rules[r].Condition.Eval(ctx);
                bool? a = v.IsUnknown ? null : v.Boolean;
                bool? b = conditions[r](c);
                if (a != b)
                    throw new InvalidOperationException($"{_rules[r].Id} disagrees on {c.Local} -> {c.Remote}: compiled {Show(a)} ({v}), lambda {Show(b)}");
                compiled = compiled.Add(a);
                hand = hand.Add(b);
            }
            Console.WriteLine($"// {_rules[r].Id} {_rules[r].Descriptor.Condition}: {compiled}");
        }
        if (HandWritten() != CompiledConditions())
            throw new InvalidOperationException("the checksums of the compiled conditions and the lambdas differ");
        var (findings, outcomes) = RuleEvaluator.Evaluate(_rules, _snapshot);
        if (outcomes.Length != _rules.Length * Connections)
            throw new InvalidOperationException($"expected {_rules.Length * Connections} outcomes, got {outcomes.Length}");
        if (Evaluator() != EvaluatorHandWritten())
            throw new InvalidOperationException("RuleEvaluator gives different results for the compiled rules and the lambdas");
        Console.WriteLine($"// RuleEvaluator: {findings.Length} findings, {outcomes.Length} outcomes");
    }

    private static string Show(bool? b) => b is { } x ? (x ? "true" : "false") : "unknown";
}
