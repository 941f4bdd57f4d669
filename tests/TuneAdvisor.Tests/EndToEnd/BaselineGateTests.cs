using System.Text.Json;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// The CI gate of issue #13 with the built tuneadvisor, run in a folder holding a tuneadvisor.yaml that extends the
/// golden-image preset (found by discovery) against an image root: a baseline written from today's image lets the run pass, the waived and baselined findings
/// still in the report; a change to the image that adds a problem fails the run on that problem only; one that removes
/// a problem reports it fixed.
/// </summary>
public sealed class BaselineGateTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private ProcessRunner.Result Audit(params string[] args) =>
        ProcessRunner.Run(RepoPaths.Cli, ["audit", "--root", _tree.PathOf("img"), .. args], workingDirectory: _tree.PathOf("repo/images/web"));

    [Fact]
    public void Audit_fails_only_on_new_unwaived_problems_with_waived_and_baselined_ones_still_visible()
    {
        // The image: somaxconn 128 (TA1001, TA1014 for nginx's backlog 4096), kernel 6.1.
        _tree.File("img/etc/sysctl.d/60-web.conf", "# web tier", "net.core.somaxconn = 128")
            .File("img/etc/nginx/nginx.conf", "events {}", "http {", "  server {", "    listen 80 backlog=4096;", "  }", "}")
            .Dir("img/usr/lib/modules/6.1.0-18-amd64/kernel")
            .Dir("repo/.git")
            .File("repo/images/web/tuneadvisor.yaml",
                "extends: [golden-image]",
                "waivers:",
                "  - rule: TA1014",
                "    subject: \"app nginx *:80\"",
                "    justification: nginx's backlog is raised with somaxconn at boot",
                "    expires: 2999-01-01");
        var baseline = _tree.PathOf("repo/images/web/base.json");

        var written = Audit("--write-baseline", baseline);
        Assert.True(written.ExitCode == 1, written.Stderr);   // today's findings still fail a run without the baseline
        Assert.Contains("tuneadvisor: policy " + _tree.PathOf("repo/images/web/tuneadvisor.yaml"), written.Stderr);
        using (var file = JsonDocument.Parse(File.ReadAllText(baseline)))
        {
            var recorded = file.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()).ToArray();
            Assert.Contains("TA1001", recorded);
            Assert.DoesNotContain("TA1014", recorded);   // waived: never baselined
        }

        var gated = Audit("--baseline", baseline, "--fail-on", "warning");
        Assert.True(gated.ExitCode == 0, gated.Stderr + gated.Stdout);
        var md = gated.Stdout;
        Assert.Contains("## New findings\n\nNo new findings", md);
        Assert.Contains("## Unchanged (in the baseline)", md);
        Assert.Contains("**host**: net.core.somaxconn is 128", md[md.IndexOf("## Unchanged", StringComparison.Ordinal)..]);
        Assert.Contains("## Waived", md);
        Assert.Contains("> Waived: nginx's backlog is raised with somaxconn at boot", md);

        // A new problem in the image: SYN cookies turned off (an error in the golden-image preset). The run fails, on that finding alone.
        _tree.File("img/etc/sysctl.d/70-hardening.conf", "net.ipv4.tcp_syncookies = 0");
        var worse = Audit("--baseline", baseline, "--fail-on", "warning", "--format", "sarif");
        Assert.True(worse.ExitCode == 1, worse.Stderr);
        using (var sarif = JsonDocument.Parse(worse.Stdout))
        {
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
            var added = Assert.Single(results, r => r.GetProperty("baselineState").GetString() == "new" && !r.TryGetProperty("suppressions", out _));
            Assert.Equal(("TA1009", "error"), (added.GetProperty("ruleId").GetString(), added.GetProperty("level").GetString()));
            Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "TA1001" && r.GetProperty("baselineState").GetString() == "unchanged");
        }

        // Fixing somaxconn in the image instead: nothing new, and TA1001 reported fixed.
        File.Delete(_tree.PathOf("img/etc/sysctl.d/70-hardening.conf"));
        _tree.File("img/etc/sysctl.d/60-web.conf", "net.core.somaxconn = 8192");
        var better = Audit("--baseline", baseline);
        Assert.True(better.ExitCode == 0, better.Stderr);
        Assert.Contains("## Fixed (in the baseline, not found now)", better.Stdout);
        Assert.Contains("TA1001** host:", better.Stdout);
    }
}
