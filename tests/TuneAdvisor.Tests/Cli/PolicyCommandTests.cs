using System.Text.Json;

namespace TuneAdvisor.Tests.Cli;

/// <summary>`policy show`, `rules presets` and `audit --tag` from the command line.</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Policy_show_prints_the_merged_policy_for_the_given_host_and_tags()
    {
        var policy = _tree.Write("tuneadvisor.yaml", """
            extends: [web-frontend]
            overrides:
              - { hostname: "db-*", severity: { TA1601: error } }
              - { tags: [canary], disable: [TA1505] }
            """);
        var r = CliRunner.Run("policy", "show", "--policy", policy, "--hostname", "db-3", "--kernel", "6.1.0", "--tag", "canary", "--severity", "TA1003=error");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("# The policy an audit of db-3 (kernel 6.1.0), with tags canary, would use.", r.Stdout, StringComparison.Ordinal);
        Assert.Contains($"# Layers, in merge order (later wins): preset web-frontend, {policy}, command line", r.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  TA1601: error  # {policy}:3", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  TA1003: error  # command line", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"disable:\n  TA1505: ~  # .*tuneadvisor.yaml:4", r.Stdout);   // the tag's disable over the preset's enable
        Assert.DoesNotContain("enable:\n  TA1505", r.Stdout, StringComparison.Ordinal);

        var other = CliRunner.Run("policy", "show", "--policy", policy, "--hostname", "web-1", "--kernel", "6.1.0");
        Assert.Contains("hostname db-*: not applied (hostname web-1 matches none of db-*)", other.Stdout, StringComparison.Ordinal);
        Assert.Contains("tags canary: not applied (tag canary not given with --tag)", other.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_show_of_a_broken_policy_is_exit_2_with_the_position()
    {
        var policy = _tree.Write("p.yaml", "extends: [golden-imag]\n");
        var r = CliRunner.Run("policy", "show", "--policy", policy);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{policy}(1,11): error TA0301: Invalid configuration: no preset 'golden-imag'; did you mean 'golden-image'?", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_presets_lists_every_preset_with_each_choice_and_why()
    {
        var r = CliRunner.Run("rules", "presets");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { "golden-image", "web-frontend", "database", "load-balancer" })
            Assert.Contains("\n" + name + "\n", "\n" + r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"failOn info +An image is built once", r.Stdout);
        Assert.Matches(@"option TA1002.fill 80% +warn while", r.Stdout);
    }

    [Fact]
    public void The_readme_presets_section_is_what_rules_presets_prints()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        const string start = "<!-- PRESETS-START -->\n", end = "<!-- PRESETS-END -->";
        int a = readme.IndexOf(start, StringComparison.Ordinal), b = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(a >= 0 && b > a, "README.md has no PRESETS-START/END markers");
        Assert.Equal(CliRunner.Run("rules", "presets", "--format", "md").Stdout, readme[(a + start.Length)..b]);
    }

    [Fact]
    public void Audit_tags_reach_the_policys_overrides()
    {
        Directory.CreateDirectory(_tree.PathOf("img/etc/sysctl.d"));
        Directory.CreateDirectory(_tree.PathOf("img/usr/lib/modules/6.1.0-18-amd64"));
        _tree.Write("img/etc/sysctl.d/60-web.conf", "net.core.somaxconn = 2048\n");
        var policy = _tree.Write("p.yaml", "overrides:\n  - { tags: [prod], options: { TA1001: { minimum: 4096 } } }\n");
        string[] audit = ["audit", "--root", _tree.PathOf("img"), "--policy", policy, "--format", "json"];
        Assert.Equal(0, CliRunner.Run(audit).ExitCode);
        var tagged = CliRunner.Run([.. audit, "--tag", "prod"]);
        Assert.Equal(1, tagged.ExitCode);
        using var doc = JsonDocument.Parse(tagged.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "TA1001");
    }
}
