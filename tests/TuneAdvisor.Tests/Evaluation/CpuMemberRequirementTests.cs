using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Evaluation;

/// <summary>
/// A CPU's record joins softnet_stat and /proc/softirqs: the cpu scope applies when a source read either, and a rule
/// is not applicable when it reads a member of the file the source did not read, whether on the scope item or on
/// <c>it</c> inside an aggregate.
/// </summary>
public sealed class CpuMemberRequirementTests
{
    private static Rule Compile(string scope, string condition)
    {
        var yaml = $"""
            id: TA9001
            title: t
            category: custom
            severity: warning
            scope: {scope}
            condition: '{condition}'
            message: m
            """;
        var diagnostics = new DiagnosticBag();
        var set = RuleSet.Compile([new RuleFile("r/TA9001-t.yaml", yaml, _ => ("t.md", "# t"))], RuleSources.Ranges([], diagnostics), diagnostics);
        Assert.Empty(set.Diagnostics);
        return Assert.Single(set.Rules);
    }

    private static SystemSnapshot Snapshot(params SnapshotCapability[] capabilities) => new()
    {
        Source = new SnapshotSource(SnapshotSource.Raw, "x", [.. capabilities], []),
        Host = new HostInfo(),
        IntervalSeconds = 10,
        Softnet =
        [
            new SoftnetCpu { Cpu = 0, Dropped = 0, NetRx = 900, Deltas = new Dictionary<string, long> { ["netRx"] = 90, ["dropped"] = 0 }.ToImmutableSortedDictionary(StringComparer.Ordinal) },
            new SoftnetCpu { Cpu = 1, Dropped = 0, NetRx = 100, Deltas = new Dictionary<string, long> { ["netRx"] = 10, ["dropped"] = 0 }.ToImmutableSortedDictionary(StringComparer.Ordinal) },
        ],
    };

    [Theory]
    [InlineData("cpu", "cpu.net_rx > 0")]
    [InlineData("cpu", "delta(cpu.net_rx) > 0")]
    [InlineData("host", "max(cpus, delta(it.net_rx)) > 0")]
    public void Reading_net_rx_needs_the_softirq_counts(string scope, string condition)
    {
        var rule = Compile(scope, condition);

        Assert.Equal("needs per-CPU NET_RX/NET_TX softirq counts (/proc/softirqs), which these captures cannot provide",
            RuleEvaluator.NotApplicableReason(rule, Snapshot(SnapshotCapability.Softnet, SnapshotCapability.Rates)));
        Assert.Null(RuleEvaluator.NotApplicableReason(rule, Snapshot(SnapshotCapability.Softirqs, SnapshotCapability.Rates)));
    }

    [Fact]
    public void A_softnet_member_is_not_applicable_to_softirqs_alone_with_the_words_it_always_had()
    {
        var rule = Compile("cpu", "cpu.dropped > 0");

        Assert.Equal("needs per-CPU softnet statistics, which these captures cannot provide", RuleEvaluator.NotApplicableReason(rule, Snapshot(SnapshotCapability.Softirqs)));
        Assert.Equal("needs per-CPU softnet statistics, which these captures cannot provide", RuleEvaluator.NotApplicableReason(rule, Snapshot()));
        Assert.Null(RuleEvaluator.NotApplicableReason(rule, Snapshot(SnapshotCapability.Softnet)));
    }

    [Fact]
    public void The_share_of_the_busiest_cpu_is_an_aggregate_over_deltas()
    {
        var rule = Compile("cpu", "delta(cpu.net_rx) / sum(cpus, delta(it.net_rx)) >= 90%");

        var result = RuleEvaluator.Evaluate([rule], Snapshot(SnapshotCapability.Softnet, SnapshotCapability.Softirqs, SnapshotCapability.Rates));

        Assert.Equal(["cpu 0"], result.Findings.Select(f => f.Subject));
    }

    [Fact]
    public void A_cpu_without_a_count_makes_the_aggregate_not_evaluated_and_names_that_cpu()
    {
        var rule = Compile("host", "max(cpus, delta(it.net_rx)) > 0");
        var snapshot = Snapshot(SnapshotCapability.Softnet, SnapshotCapability.Softirqs, SnapshotCapability.Rates);
        snapshot = snapshot with { Softnet = [snapshot.Softnet[0], snapshot.Softnet[1] with { NetRx = null, Deltas = snapshot.Softnet[1].Deltas!.Remove("netRx") }] };

        var outcome = Assert.Single(RuleEvaluator.Evaluate([rule], snapshot).Outcomes);

        Assert.Equal(OutcomeKind.NotEvaluated, outcome.Kind);
        Assert.Equal("the NET_RX softirq count of CPU 1 is unknown (/proc/softirqs gave none for it)", outcome.Reason);
    }
}
