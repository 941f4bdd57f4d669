using TuneAdvisor.Diagnostics;
using TuneAdvisor.Policy;
using TuneAdvisor.Reporting;
using TuneAdvisor.Sources;
using TuneAdvisor.Tests.Reporting;

namespace TuneAdvisor.Tests.Policy;

/// <summary>tuneadvisor.yaml is found in the working directory or a parent, up to the repository root, $HOME or /.</summary>
public sealed class PolicyDiscoveryTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void The_nearest_file_in_the_folder_or_a_parent_is_found()
    {
        _tree.Write("repo/tuneadvisor.yaml", "failOn: error\n");
        _tree.Dir("repo/.git").Dir("repo/images/web");
        Assert.Equal(_tree.PathOf("repo/tuneadvisor.yaml"), PolicyDiscovery.Find(_tree.PathOf("repo/images/web"), home: null));
        _tree.Write("repo/images/tuneadvisor.yaml", "failOn: warning\n");
        Assert.Equal(_tree.PathOf("repo/images/tuneadvisor.yaml"), PolicyDiscovery.Find(_tree.PathOf("repo/images/web"), home: null));
    }

    [Fact]
    public void The_search_stops_at_the_folder_holding_git_and_at_home()
    {
        _tree.Write("outside/tuneadvisor.yaml", "failOn: error\n");
        _tree.Dir("outside/repo/.git").Dir("outside/repo/src");
        Assert.Null(PolicyDiscovery.Find(_tree.PathOf("outside/repo/src"), home: null));
        _tree.Dir("outside/home/me/work");
        Assert.Null(PolicyDiscovery.Find(_tree.PathOf("outside/home/me/work"), home: _tree.PathOf("outside/home/me")));
        Assert.Equal(_tree.PathOf("outside/tuneadvisor.yaml"), PolicyDiscovery.Find(_tree.PathOf("outside/home/me/work"), home: "/nonexistent-home"));
    }

    private static Task<AuditResult> Audit(AuditRequest request, string workingDirectory) =>
        Advisor.AuditAsync(request with { Source = new SnapshotRequest { SnapshotFile = "-" } },
            Audits.At(ReportFixture.Now) with { StandardInput = new StringReader(SavedSnapshot()), WorkingDirectory = workingDirectory, Home = null },
            null, CancellationToken.None);

    private static string SavedSnapshot() => TuneAdvisor.Snapshots.SnapshotJson.Serialize(ReportFixture.Result().Snapshot, indented: false);

    [Fact]
    public async Task A_discovered_policy_is_applied_and_named_in_the_result_and_every_report()
    {
        _tree.Dir("repo/.git").Dir("repo/ci");
        var path = _tree.Write("repo/tuneadvisor.yaml", "severity:\n  TA1002: info\n");
        var result = await Audit(new AuditRequest(), _tree.PathOf("repo/ci"));
        Assert.Equal(path, result.PolicyPath);
        Assert.All(result.Report!.Analysis.Findings.Where(f => f.RuleId == "TA1002"), f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains($"| Policy | `{path}` |", new MarkdownReportWriter().Write(result.Report));
        Assert.Contains(path, new HtmlReportWriter().Write(result.Report));
        using var json = System.Text.Json.JsonDocument.Parse(new JsonReportWriter().Write(result.Report));
        Assert.Equal(path, json.RootElement.GetProperty("policy").GetString());
        using var sarif = System.Text.Json.JsonDocument.Parse(new TuneAdvisor.Reporting.Sarif.SarifReportWriter().Write(result.Report));
        Assert.Equal(path, sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("policy").GetString());
        Assert.Contains($"<property name=\"policy\" value=\"{path}\" />", new TuneAdvisor.Reporting.JUnit.JUnitReportWriter().Write(result.Report));
    }

    [Fact]
    public async Task No_policy_turns_discovery_off_and_a_named_file_wins_over_a_discovered_one()
    {
        _tree.Dir("repo/.git");
        _tree.Write("repo/tuneadvisor.yaml", "severity:\n  TA1002: info\n");
        var off = await Audit(new AuditRequest { DiscoverPolicy = false }, _tree.PathOf("repo"));
        Assert.Null(off.PolicyPath);
        Assert.Contains(off.Report!.Analysis.Findings, f => f.RuleId == "TA1002" && f.Severity == Severity.Error);
        var named = _tree.Write("team.yaml", "severity:\n  TA1002: warning\n");
        var chosen = await Audit(new AuditRequest { PolicyFile = named }, _tree.PathOf("repo"));
        Assert.Equal(named, chosen.PolicyPath);
        Assert.All(chosen.Report!.Analysis.Findings.Where(f => f.RuleId == "TA1002"), f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Fact]
    public void The_command_line_refuses_no_policy_with_a_policy_and_accepts_config_as_its_alias()
    {
        var policy = _tree.Write("p.yaml", "failOn: none\n");
        var both = TuneAdvisor.Tests.Cli.CliRunner.Run("audit", "--no-policy", "--policy", policy, "--snapshot", "x.json");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--no-policy and --policy (--config) cannot be given together", both.Stderr, StringComparison.Ordinal);
        var snapshot = _tree.Write("snap.json", SavedSnapshot());
        var config = TuneAdvisor.Tests.Cli.CliRunner.Run("audit", "--config", policy, "--snapshot", snapshot);
        Assert.Equal(0, config.ExitCode);   // failOn: none from the file read through --config
        Assert.Contains($"tuneadvisor: policy {policy}", config.Stderr, StringComparison.Ordinal);
    }
}
