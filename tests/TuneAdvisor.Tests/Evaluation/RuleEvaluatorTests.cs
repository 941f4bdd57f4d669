using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Evaluation;

/// <summary>
/// The evaluator's output order and option handling, independent of the order rules and items arrive in:
/// findings and outcomes are sorted by (rule id, subject), ordinally, with duplicate subjects numbered in snapshot order.
/// </summary>
public sealed class RuleEvaluatorTests
{
    private static Rule Compile(string id, string condition, string options = "")
    {
        var yaml = $"""
            id: {id}
            title: test {id}
            category: custom
            severity: warning
            scope: connection
            condition: '{condition}'
            message: 'queue {"{"}connection.recv_q{"}"}'
            {options}
            """;
        var diagnostics = new DiagnosticBag();
        var set = RuleSet.Compile([new RuleFile($"r/{id}-t.yaml", yaml, _ => ("t.md", "# t"))], RuleSources.Ranges([], diagnostics), diagnostics);
        Assert.Empty(set.Diagnostics);
        return Assert.Single(set.Rules);
    }

    private static ConnectionInfo Connection(string remote, long? recvQ) =>
        new() { Protocol = "tcp", State = "ESTAB", Local = "10.0.0.1:443", Remote = remote, RecvQ = recvQ };

    // Snapshot order is not subject order: "10.0.0.10" < "10.0.0.2" < "10.0.0.9" ordinally; two rows share a subject.
    private static readonly SystemSnapshot Snapshot = new()
    {
        Source = new SnapshotSource(SnapshotSource.Live, "/", [SnapshotCapability.Connections], []),
        Host = new HostInfo(),
        Connections =
        [
            Connection("10.0.0.9:1000", 500),
            Connection("10.0.0.2:1000", null),
            Connection("10.0.0.10:1000", 0),
            Connection("10.0.0.2:1000", 700),
        ],
    };

    private static string[] Lines((ImmutableArray<Finding> Findings, ImmutableArray<RuleOutcome> Outcomes) result) =>
    [
        .. result.Outcomes.Select(o => $"{o.RuleId} {o.Subject}: {o.Kind}{(o.Reason is null ? "" : " (" + o.Reason + ")")}"),
        .. result.Findings.Select(f => $"finding {f.RuleId} {f.Subject}: {f.Message}"),
    ];

    // Connections accepted on 443 are named by the peer's address, not its port (which changes with every connection);
    // two rows from 10.0.0.2 share the name, and the one a rule fired for keeps it plainly ("#2" is the other).
    private static readonly string[] Expected =
    [
        "TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.10: Pass",
        "TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.2: Fail",
        "TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.2 #2: NotEvaluated (recv_q is unknown)",
        "TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.9: Fail",
        "TA9002 connection tcp 10.0.0.1:443 <- 10.0.0.10: Fail",
        "TA9002 connection tcp 10.0.0.1:443 <- 10.0.0.2: NotEvaluated (recv_q is unknown)",
        "TA9002 connection tcp 10.0.0.1:443 <- 10.0.0.2 #2: Pass",
        "TA9002 connection tcp 10.0.0.1:443 <- 10.0.0.9: Pass",
        "finding TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.2: queue 700",
        "finding TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.9: queue 500",
        "finding TA9002 connection tcp 10.0.0.1:443 <- 10.0.0.10: queue 0",
    ];

    [Fact]
    public void Results_are_sorted_by_rule_id_then_subject_when_rules_come_in_id_order() =>
        Assert.Equal(Expected, Lines(RuleEvaluator.Evaluate([Compile("TA9001", "connection.recv_q > 0"), Compile("TA9002", "connection.recv_q == 0")], Snapshot)));

    [Fact]
    public void Results_are_sorted_the_same_way_when_rules_come_in_any_order() =>
        Assert.Equal(Expected, Lines(RuleEvaluator.Evaluate([Compile("TA9002", "connection.recv_q == 0"), Compile("TA9001", "connection.recv_q > 0")], Snapshot)));

    [Fact]
    public void A_rule_given_twice_keeps_both_results_sorted_together()
    {
        var rule = Compile("TA9001", "connection.recv_q > 0");
        var lines = Lines(RuleEvaluator.Evaluate([rule, rule], Snapshot));
        Assert.Equal(Expected.Take(4).SelectMany(l => new[] { l, l }).Concat(Expected.Skip(8).Take(2).SelectMany(l => new[] { l, l })), lines);
    }

    [Fact]
    public void Option_overrides_apply_to_each_evaluation_of_the_same_compiled_rule()
    {
        var rule = Compile("TA9001", "connection.recv_q > options.limit", "options:\n  limit: { default: 600 }");
        string Failing(IReadOnlyDictionary<string, IReadOnlyDictionary<string, Value>>? overrides) => string.Join(", ",
            RuleEvaluator.Evaluate([rule], Snapshot, overrides).Findings.Select(f => f.Subject[(f.Subject.IndexOf("<- ", StringComparison.Ordinal) + 3)..]));
        var lower = new Dictionary<string, IReadOnlyDictionary<string, Value>> { ["TA9001"] = new Dictionary<string, Value> { ["limit"] = Value.FromNumber(100) } };

        Assert.Equal("10.0.0.2", Failing(null));
        Assert.Equal("10.0.0.2, 10.0.0.9", Failing(lower));
        Assert.Equal("10.0.0.2", Failing(null));
    }

    [Fact]
    public void A_where_filter_picks_the_subjects_and_leaves_the_others_without_any_outcome()
    {
        // recv_q > 100 is unknown for one 10.0.0.2 row: that row is "not evaluated", not silently left out.
        var rule = Compile("TA9001", "connection.recv_q >= 600", "where: connection.recv_q > 100");
        Assert.Equal(
        [
            "TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.2: Fail",
            "TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.2 #2: NotEvaluated (recv_q is unknown)",
            "TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.9: Pass",
            "finding TA9001 connection tcp 10.0.0.1:443 <- 10.0.0.2: queue 700",
        ], Lines(RuleEvaluator.Evaluate([rule], Snapshot)));

        var none = Compile("TA9002", "connection.recv_q > 0", "where: connection.remote == \"192.0.2.1:1\"");
        Assert.Equal(["TA9002 *: Pass (no connections match where: connection.remote == \"192.0.2.1:1\")"],
            Lines(RuleEvaluator.Evaluate([none], Snapshot)));
    }

    [Fact]
    public void A_where_filter_that_is_not_boolean_is_an_error_at_its_position()
    {
        var yaml = """
            id: TA9003
            title: t
            category: custom
            severity: warning
            scope: connection
            where: connection.recv_q + 1
            condition: connection.recv_q > 0
            message: m
            """;
        var diagnostics = new DiagnosticBag();
        var set = RuleSet.Compile([new RuleFile("r/TA9003-t.yaml", yaml, _ => ("t.md", "# t"))], RuleSources.Ranges([], diagnostics), diagnostics);
        Assert.Empty(set.Rules);
        var error = Assert.Single(set.Diagnostics, d => d.Severity == Severity.Error);
        var line = yaml.Split('\n').Select((l, n) => (l, n)).Single(x => x.l.StartsWith("where:", StringComparison.Ordinal)).n + 1;
        Assert.Equal((line, "where: ".Length + 1), (error.Span.Line, error.Span.Column));
        Assert.Contains("Boolean", error.Message, StringComparison.Ordinal);
    }
}
