using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Policy;
using TuneAdvisor.RuleTesting;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources;
using TuneAdvisor.Tests.Reporting;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests.Policy;

/// <summary>overrides: scoped by hostname glob, kernel range and --tag, applied to severities, options and disables.</summary>
public sealed class HostSelectorTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Snapshot(string hostname, string kernel, int somaxconn)
    {
        var yaml = $"hostname: {hostname}\nkernel: \"{kernel}\"\nsysctls: {{ net.core.somaxconn: {somaxconn}, net.ipv4.tcp_syncookies: 0, net.core.default_qdisc: pfifo_fast }}\n";
        var map = (YamlMapping)YamlTreeReader.Read(yaml, "fragment", new DiagnosticBag())!;
        return _tree.Write($"{hostname}.json", SnapshotJson.Serialize(SnapshotFragment.Build(map, ReportFixture.Now)));
    }

    private async Task<ImmutableArray<Finding>> Findings(string snapshot, string policy, params string[] tags)
    {
        var result = await Advisor.AuditAsync(
            new AuditRequest { Source = new SnapshotRequest { SnapshotFile = snapshot }, PolicyFile = _tree.Write("policy.yaml", policy), Tags = [.. tags] },
            Audits.At(ReportFixture.Now), null, CancellationToken.None);
        Assert.Equal(AuditOutcome.Completed, result.Outcome);
        return result.Report!.Analysis.Findings;
    }

    private static Severity? SeverityOf(ImmutableArray<Finding> findings, string id) => findings.FirstOrDefault(f => f.RuleId == id)?.Severity;

    [Fact]
    public async Task A_severity_under_a_selector_goes_by_id_then_category_then_all_and_only_on_matching_hosts()
    {
        const string policy = """
            overrides:
              - hostname: ["db-*", "pg?.example.com"]
                severity: { all: info, listen: error, TA1001: info }
            """;
        var db = await Findings(Snapshot("db-7", "6.1.0", 128), policy);
        Assert.Equal(Severity.Info, SeverityOf(db, "TA1001"));    // the id
        Assert.Equal(Severity.Error, SeverityOf(db, "TA1009"));   // its category, listen
        var pg = await Findings(Snapshot("PG1.example.com", "6.1.0", 128), policy);   // hostnames match case-insensitively
        Assert.Equal(Severity.Info, SeverityOf(pg, "TA1001"));
        var web = await Findings(Snapshot("web-1", "6.1.0", 128), policy);
        Assert.Equal(Severity.Warning, SeverityOf(web, "TA1001"));   // the rule's own
        Assert.Equal(Severity.Warning, SeverityOf(web, "TA1009"));
    }

    [Fact]
    public async Task An_option_under_a_tag_selector_raises_a_threshold_only_for_runs_with_that_tag()
    {
        const string policy = "overrides:\n  - tags: [prod, eu]\n    options: { TA1001: { minimum: 4096 } }\n";
        var snapshot = Snapshot("web-1", "6.1.0", 2048);
        Assert.Null(SeverityOf(await Findings(snapshot, policy), "TA1001"));
        Assert.Null(SeverityOf(await Findings(snapshot, policy, "prod"), "TA1001"));   // every tag must be given
        var both = await Findings(snapshot, policy, "prod", "eu");
        Assert.Contains("below 4096", both.Single(f => f.RuleId == "TA1001").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kernel_range_scopes_a_disable_and_an_enable()
    {
        const string policy = "overrides:\n  - kernel: \">= 5.4, < 6.0\"\n    disable: [TA1009]\n    enable: [TA1510]\n";
        var old = await Findings(Snapshot("a", "5.15.0-91-generic", 4096), policy);
        Assert.Null(SeverityOf(old, "TA1009"));
        Assert.Equal(Severity.Info, SeverityOf(old, "TA1510"));
        var recent = await Findings(Snapshot("b", "6.1.0-18-amd64", 4096), policy);
        Assert.Equal(Severity.Warning, SeverityOf(recent, "TA1009"));
        Assert.Null(SeverityOf(recent, "TA1510"));
    }

    [Fact]
    public void A_criterion_the_source_cannot_answer_does_not_hold_and_says_why()
    {
        var selector = new HostSelector(["db-*"], TuneAdvisor.Rules.KernelRange.TryParse(">= 5.4", out _), ["prod"]);
        Assert.Equal("the source does not say the hostname", selector.Mismatch(HostFacts.None));
        Assert.Equal("the source does not say the kernel release", selector.Mismatch(new HostFacts("db-1", null, ["prod"])));
        Assert.Equal("tag prod not given with --tag", selector.Mismatch(new HostFacts("db-1", "6.1", [])));
        Assert.Null(selector.Mismatch(new HostFacts("db-1", "6.1", ["prod", "eu"])));
    }
}
