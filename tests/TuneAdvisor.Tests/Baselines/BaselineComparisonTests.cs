using System.Collections.Immutable;
using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Policy;
using TuneAdvisor.Reporting;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources;
using TuneAdvisor.Tests.Reporting;

namespace TuneAdvisor.Tests.Baselines;

/// <summary>
/// Baselines match by fingerprint only: a second run whose findings come in another order, with other words and other
/// numbers, is all unchanged; what is new is new and fails the gate; what is gone is fixed; what this run could not
/// check is neither.
/// </summary>
public sealed class BaselineComparisonTests
{
    /// <summary>The report fixture again later: queues, counters and deltas have moved, the same problems remain.</summary>
    private static readonly string LaterFragment = ReportFixture.Fragment
        .Replace("recvQ: 9, sendQ: 8", "recvQ: 11, sendQ: 8", StringComparison.Ordinal)
        .Replace("TcpExt.ListenOverflows: 90, TcpExt.ListenDrops: 90", "TcpExt.ListenOverflows: 4000, TcpExt.ListenDrops: 4000", StringComparison.Ordinal)
        .Replace("TcpExt.ListenOverflows: 12, TcpExt.ListenDrops: 12", "TcpExt.ListenOverflows: 300, TcpExt.ListenDrops: 300", StringComparison.Ordinal);

    private static BaselineFile BaselineOf(AnalysisResult run) => BaselineFile.Of(run.Findings, "0.1.0", ReportFixture.Now);

    private static string States(AnalysisResult r) =>
        string.Join("\n", r.Findings.OrderBy(f => f.Fingerprint, StringComparer.Ordinal).Select(f => $"{f.Fingerprint}: {f.Baseline}"));

    [Fact]
    public void A_later_run_with_findings_reordered_messages_reworded_and_numbers_changed_is_all_unchanged()
    {
        var first = ReportFixture.Result();
        var baseline = BaselineOf(first);
        var later = ReportFixture.Result(fragment: LaterFragment);
        Assert.NotEqual(first.Findings.Select(f => f.Message), later.Findings.Select(f => f.Message));   // the numbers did change
        var shuffled = later with
        {
            Findings = [.. later.Findings.Reverse().Select(f => f with
            {
                Message = "Reworded by a newer rule pack: " + f.Message.ToUpperInvariant(),
                Evidence = [.. f.Evidence.Select(e => e with { Value = e.Value + "0" })],
            })],
        };

        var (result, comparison) = BaselineComparison.Apply(shuffled, baseline, "base.json");

        Assert.NotEmpty(result.Findings);
        Assert.All(result.Findings, f => Assert.Equal(BaselineState.Unchanged, f.Baseline));
        Assert.Empty(comparison.Fixed);
        Assert.Empty(comparison.NotChecked);
        Assert.Empty(result.ActiveFindings);
        Assert.False(AuditReport.Of(result, Severity.Info, baseline: comparison).GateFails);
    }

    [Fact]
    public void A_new_finding_is_new_and_fails_the_gate_while_the_baselined_ones_do_not_count()
    {
        var first = ReportFixture.Result();
        var baseline = BaselineOf(first) with { Findings = [.. BaselineOf(first).Findings.Where(e => e.RuleId != "TA1002")] };

        var (result, comparison) = BaselineComparison.Apply(ReportFixture.Result(), baseline, "base.json");

        var added = Assert.Single(result.Findings, f => f.Baseline == BaselineState.New);
        Assert.Equal("TA1002|listener tcp 127.0.0.1:8080", added.Fingerprint);
        Assert.Equal([added], result.ActiveFindings);
        Assert.True(AuditReport.Of(result, Severity.Warning, baseline: comparison).GateFails);
        Assert.False(AuditReport.Of(result, Severity.None, baseline: comparison).GateFails);
    }

    [Fact]
    public void A_finding_that_is_gone_is_fixed()
    {
        var baseline = BaselineOf(ReportFixture.Result());
        var fewer = ReportFixture.Result(fragment: ReportFixture.Fragment.Replace("net.core.somaxconn: 128", "net.core.somaxconn: 4096", StringComparison.Ordinal));
        Assert.DoesNotContain(fewer.Findings, f => f.RuleId == "TA1001");

        var (result, comparison) = BaselineComparison.Apply(fewer, baseline, "base.json");

        Assert.Contains(comparison.Fixed, e => e.Fingerprint == "TA1001|host" && e.Severity == "error" && e.Title.Length > 0);
        Assert.All(result.Findings, f => Assert.Equal(BaselineState.Unchanged, f.Baseline));
        Assert.Empty(comparison.NotChecked);
    }

    [Fact]
    public void An_entry_whose_rule_did_not_run_here_is_not_checked_rather_than_fixed()
    {
        var baseline = BaselineOf(ReportFixture.Result());
        var without = ReportFixture.Result(AuditPolicy.Default with { Disabled = ["TA1001"] });

        var (_, comparison) = BaselineComparison.Apply(without, baseline, "base.json");

        Assert.Equal(["TA1001|host"], comparison.NotChecked.Select(e => e.Fingerprint));
        Assert.Empty(comparison.Fixed);
    }

    [Fact]
    public void A_baseline_is_dated_in_utc_to_the_second_so_a_committed_file_does_not_churn_on_fractions()
    {
        var at = new DateTimeOffset(2026, 3, 1, 14, 0, 5, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 5, TimeSpan.Zero), BaselineFile.Of([], "0.1.0", at).CreatedAt);
        Assert.Contains("\"createdAt\": \"2026-03-01T12:00:05+00:00\"", BaselineWriter.Serialize(BaselineFile.Of([], "0.1.0", at)));
    }

    [Fact]
    public void Waived_findings_are_not_written_to_a_baseline_and_keep_their_waiver_when_compared()
    {
        var rich = ReportFixtures.Rich();   // TA1003 waived
        var baseline = BaselineFile.Of(rich.Findings, "0.1.0", ReportFixture.Now);
        Assert.DoesNotContain(baseline.Findings, e => e.RuleId == "TA1003");
        Assert.Equal(baseline.Findings.Select(e => e.Fingerprint).Order(StringComparer.Ordinal), baseline.Findings.Select(e => e.Fingerprint));

        var (result, _) = BaselineComparison.Apply(rich, baseline, "base.json");
        var waived = Assert.Single(result.Findings, f => f.RuleId == "TA1003");
        Assert.Equal(("waiver", BaselineState.New), (waived.Suppression?.Kind, waived.Baseline));
        Assert.Empty(result.ActiveFindings);
    }
}

/// <summary>The baseline stage inside <see cref="Advisor.AuditAsync"/>: read before collecting, written after, the gate as documented.</summary>
public sealed class BaselineAuditTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private AuditRequest Request() => new()
    {
        Source = new SnapshotRequest { SnapshotFile = _tree.Write("snap.json", SnapshotJson.Serialize(ReportFixture.Result().Snapshot)) },
        DiscoverPolicy = false,
    };

    private static Task<AuditResult> Audit(AuditRequest request) => Advisor.AuditAsync(request, Audits.At(ReportFixture.Now), null, CancellationToken.None);

    [Fact]
    public async Task Writing_a_baseline_records_the_findings_and_leaves_the_gate_as_it_was()
    {
        var path = _tree.PathOf("base.json");
        var written = await Audit(Request() with { WriteBaselinePath = path });

        Assert.Equal(AuditOutcome.Completed, written.Outcome);
        Assert.True(written.Report!.GateFails);
        Assert.All(written.Report.Analysis.Findings, f => Assert.Null(f.Baseline));
        Assert.Equal(written.Report.Analysis.Findings.Length, written.WrittenBaseline!.Findings.Length);
        Assert.Equal(ReportFixture.Now, written.WrittenBaseline.CreatedAt);
        Assert.Equal(BaselineWriter.Serialize(written.WrittenBaseline), File.ReadAllText(path));

        // The same baseline read and written in one run: compared with the old file, then replaced.
        var again = await Audit(Request() with { BaselinePath = path, WriteBaselinePath = path });
        Assert.False(again.Report!.GateFails);
        Assert.NotNull(again.Report.Baseline);
        Assert.Empty(again.Diagnostics.Baseline);
    }

    [Fact]
    public async Task A_broken_baseline_stops_the_run_before_the_source_is_read()
    {
        var path = _tree.Write("base.json", "{ \"formatVersion\": 1, \"findings\": [ { \"ruleId\": \"TA1001\" } ] }");
        var result = await Audit(Request() with { BaselinePath = path, Source = new SnapshotRequest { SnapshotFile = _tree.PathOf("missing.json") } });

        Assert.Equal(AuditOutcome.BaselineInvalid, result.Outcome);
        Assert.Null(result.Report);
        Assert.Equal("TA0352", Assert.Single(result.Diagnostics.Baseline).Id);
        Assert.Empty(result.Diagnostics.Source);
    }
}
