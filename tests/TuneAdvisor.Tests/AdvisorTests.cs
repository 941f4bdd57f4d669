using TuneAdvisor.Diagnostics;
using TuneAdvisor.RuleTesting;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources;
using TuneAdvisor.Tests.Reporting;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests;

/// <summary>The library's entry point: each stage's outcome and diagnostics, once each, with injected input and time.</summary>
public sealed class AdvisorTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static string SavedSnapshot()
    {
        var map = (YamlMapping)YamlTreeReader.Read(ReportFixture.Fragment, "fixture", new DiagnosticBag())!;
        return SnapshotJson.Serialize(SnapshotFragment.Build(map, ReportFixture.Now));
    }

    private static Task<AuditResult> Audit(AuditRequest request, string stdin = "") =>
        Advisor.AuditAsync(request, Audits.At(ReportFixture.Now) with { StandardInput = new StringReader(stdin) }, null, CancellationToken.None);

    [Fact]
    public async Task A_snapshot_on_injected_standard_input_is_audited_to_a_report_with_its_remediation_and_gate()
    {
        var result = await Audit(new AuditRequest { Source = new SnapshotRequest { SnapshotFile = "-" } }, SavedSnapshot());

        Assert.Equal(AuditOutcome.Completed, result.Outcome);
        var report = result.Report!;
        Assert.Contains(report.Analysis.Findings, f => f.RuleId == "TA1002" && f.Subject == "listener tcp 127.0.0.1:8080");
        Assert.Contains("net.core.somaxconn", report.Remediation.DropIn);
        Assert.Equal(Severity.Warning, report.FailOn);
        Assert.True(report.GateFails);
        Assert.Equal(ReportFixture.Now, report.Analysis.GeneratedAt);   // the injected clock, not the machine's
    }

    [Fact]
    public async Task The_command_line_gate_wins_over_the_policy_files_and_the_policy_path_is_kept()
    {
        var policy = _tree.Write("policy.yaml", "failOn: info");
        var result = await Audit(new AuditRequest { Source = new SnapshotRequest { SnapshotFile = "-" }, PolicyFile = policy }, SavedSnapshot());
        Assert.Equal(Severity.Info, result.Report!.FailOn);
        Assert.Equal(policy, result.Report.PolicyPath);

        var overridden = await Audit(new AuditRequest { Source = new SnapshotRequest { SnapshotFile = "-" }, PolicyFile = policy, FailOn = Severity.None }, SavedSnapshot());
        Assert.False(overridden.Report!.GateFails);
    }

    [Fact]
    public async Task Broken_rules_stop_the_audit_before_the_source_is_read()
    {
        var rules = _tree.Write("rules/TA9001-x.yaml", "id: TA9001\ntitle: [unclosed");
        var result = await Audit(new AuditRequest { RulePaths = [rules], Source = new SnapshotRequest { SnapshotFile = _tree.PathOf("missing.json") } });

        Assert.Equal(AuditOutcome.RulesInvalid, result.Outcome);
        Assert.Null(result.Report);
        Assert.Contains(result.Diagnostics.Rules, d => d.Severity == Severity.Error);
        Assert.Empty(result.Diagnostics.Source);   // the missing snapshot was never looked at
    }

    [Fact]
    public async Task A_broken_policy_is_its_own_stage()
    {
        var policy = _tree.Write("policy.yaml", "failOn: sometimes");
        var result = await Audit(new AuditRequest { PolicyFile = policy, Source = new SnapshotRequest { SnapshotFile = "-" } }, SavedSnapshot());

        Assert.Equal(AuditOutcome.PolicyInvalid, result.Outcome);
        Assert.Contains(result.Diagnostics.Policy, d => d.Severity == Severity.Error && d.Span.Path == policy);
    }

    [Fact]
    public async Task A_missing_source_is_unavailable_with_a_diagnostic_naming_it()
    {
        var missing = _tree.PathOf("nowhere.json");
        var result = await Audit(new AuditRequest { Source = new SnapshotRequest { SnapshotFile = missing } });

        Assert.Equal(AuditOutcome.SourceUnavailable, result.Outcome);
        Assert.Contains(result.Diagnostics.Source, d => d.Severity == Severity.Error && d.Span.Path == missing);
    }

    [Fact]
    public async Task An_expired_waiver_is_reported_once_by_the_evaluation_stage()
    {
        var policy = _tree.Write("policy.yaml", "waivers:\n  - { rule: TA1002, reason: was fine, expires: 2020-01-01 }\n");
        var result = await Audit(new AuditRequest { PolicyFile = policy, Source = new SnapshotRequest { SnapshotFile = "-" } }, SavedSnapshot());

        Assert.Single(result.Diagnostics.All, d => d.Id == KnownDiagnostics.WaiverExpired.Id);
        Assert.Contains(result.Diagnostics.Evaluation, d => d.Id == KnownDiagnostics.WaiverExpired.Id);
    }

    [Fact]
    public async Task Collect_and_audit_read_the_same_snapshot_stage()
    {
        var request = new SnapshotRequest { SnapshotFile = "-" };
        var (snapshot, diagnostics) = await Advisor.LoadSnapshotAsync(request, Audits.At(ReportFixture.Now) with { StandardInput = new StringReader(SavedSnapshot()) }, null, CancellationToken.None);
        var audit = await Audit(new AuditRequest { Source = request }, SavedSnapshot());

        Assert.NotNull(snapshot);
        Assert.Equal(SnapshotJson.Serialize(snapshot!), SnapshotJson.Serialize(audit.Report!.Analysis.Snapshot));
        Assert.Equal(diagnostics, audit.Diagnostics.Source);
    }
}
