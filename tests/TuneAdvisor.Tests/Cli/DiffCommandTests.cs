using System.Text.Json;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Drift;

namespace TuneAdvisor.Tests.Cli;

/// <summary>`tuneadvisor diff A B` through the CLI: formats, the policy both sides share, and its exit codes.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Saved(string name, string fragment) =>
        _tree.Write(name, SnapshotJson.Serialize(DriftFixture.Snapshot(fragment)));

    private (string Before, string After) Pair() =>
        (Saved("before.json", DiffWriterTests.Before), Saved("after.json", DiffWriterTests.After));

    [Fact]
    public void Markdown_goes_to_standard_output_and_a_difference_alone_exits_0()
    {
        var (a, b) = Pair();
        var r = CliRunner.Run("diff", a, b, "--no-policy");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("# TuneAdvisor diff: before.json → after.json", r.Stdout);
        Assert.Contains("| net.core.somaxconn | changed | 4096 | 128 |", r.Stdout);
        Assert.Contains("| listener tcp 127.0.0.1:8080 | appeared |  | 8 | python3(4242) |", r.Stdout);
        Assert.Contains("| new | warning | TA1001 | host |", r.Stdout);
        Assert.EndsWith("tuneadvisor: 12 difference(s): 3 sysctl(s), 3 listener(s), 6 finding(s), 0 other\n", r.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Fail_on_change_exits_1_when_anything_differs_and_0_when_nothing_does()
    {
        var (a, b) = Pair();
        Assert.Equal(1, CliRunner.Run("diff", a, b, "--fail-on-change", "--no-policy").ExitCode);
        var same = CliRunner.Run("diff", a, a, "--fail-on-change", "--no-policy");
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("\nNo differences.\n", same.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("tuneadvisor: no differences (volatile values not compared)", same.Stderr);
    }

    [Fact]
    public void Json_goes_to_the_output_file_and_all_adds_the_volatile_values()
    {
        var a = Saved("a.json", "sysctls: { net.core.somaxconn: 4096 }\ncounters: { TcpExt.ListenOverflows: 90 }\n");
        var b = Saved("b.json", "sysctls: { net.core.somaxconn: 4096 }\ncounters: { TcpExt.ListenOverflows: 95 }\n");
        var file = _tree.PathOf("out/diff.json");

        var plain = CliRunner.Run("diff", a, b, "--format", "json", "-o", file, "--fail-on-change", "--no-policy");
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.Equal("", plain.Stdout);
        using (var doc = JsonDocument.Parse(File.ReadAllText(file)))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("formatVersion").GetInt32());
            Assert.False(doc.RootElement.GetProperty("changed").GetBoolean());
        }

        var all = CliRunner.Run("diff", a, b, "--format", "json", "--all", "--fail-on-change", "--no-policy");
        Assert.Equal(1, all.ExitCode);
        using (var doc = JsonDocument.Parse(all.Stdout))
        {
            var counter = Assert.Single(doc.RootElement.GetProperty("other").EnumerateArray(), o => o.GetProperty("key").GetString() == "counter TcpExt.ListenOverflows");
            Assert.Equal("95", counter.GetProperty("after").GetString());
            Assert.True(counter.GetProperty("volatile").GetBoolean());
        }
    }

    [Fact]
    public void Both_snapshots_are_judged_by_the_same_policy()
    {
        var (a, b) = Pair();
        var policy = _tree.Write("team.yaml", "disable: [TA1001, TA1013]\nseverity:\n  TA1002: info\n");
        var r = CliRunner.Run("diff", a, b, "--policy", policy, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains($"tuneadvisor: policy {policy}", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(policy, doc.RootElement.GetProperty("policy").GetString());
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() is "TA1001" or "TA1013");
        Assert.Equal("info", Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "TA1002").GetProperty("afterSeverity").GetString());

        // --disable and --severity on the command line, as audit takes them.
        var cli = CliRunner.Run("diff", a, b, "--no-policy", "--disable", "listen", "--severity", "all=info", "--format", "json");
        using var cliDoc = JsonDocument.Parse(cli.Stdout);
        Assert.All(cliDoc.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("info", f.GetProperty("afterSeverity").GetString()));
    }

    [Fact]
    public void Tags_reach_the_policy_of_both_audits_and_fail_on_is_audits_gate_not_diffs()
    {
        var (a, b) = Pair();
        var policy = _tree.Write("tagged.yaml", "overrides:\n  - tags: [legacy]\n    disable: [TA1001]\n");
        using (var untagged = JsonDocument.Parse(CliRunner.Run("diff", a, b, "--policy", policy, "--format", "json").Stdout))
            Assert.Contains(untagged.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "TA1001");
        var tagged = CliRunner.Run("diff", a, b, "--policy", policy, "--tag", "legacy", "--format", "json");
        Assert.True(tagged.ExitCode == 0, tagged.Stderr);
        using (var doc = JsonDocument.Parse(tagged.Stdout))
            Assert.DoesNotContain(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "TA1001");

        var gate = CliRunner.Run("diff", a, b, "--no-policy", "--fail-on", "error");
        Assert.Equal(2, gate.ExitCode);
        Assert.Contains("--fail-on", gate.Stderr);
    }

    [Fact]
    public void A_snapshot_that_cannot_be_read_exits_3_and_nothing_is_compared()
    {
        var (a, _) = Pair();
        var missing = CliRunner.Run("diff", a, _tree.PathOf("nope.json"), "--no-policy");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("nope.json: error TA0201: Cannot read input", missing.Stderr);
        Assert.Contains("tuneadvisor: a snapshot could not be read; nothing was compared", missing.Stderr);
        Assert.Equal("", missing.Stdout);
        Assert.DoesNotContain("   at ", missing.Stderr);
    }

    [Fact]
    public void Standard_input_can_be_one_snapshot_but_not_both()
    {
        var (a, b) = Pair();
        var both = CliRunner.Run("diff", "-", "-", "--no-policy");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("standard input ('-') can be only one of the two snapshots", both.Stderr);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TuneAdvisor.Cli.Cli.RunAsync(["diff", a, "-", "--no-policy", "--fail-on-change"], stdout, stderr, new StringReader(File.ReadAllText(b)))
            .GetAwaiter().GetResult();
        Assert.True(code == 1, stderr.ToString());
        Assert.Contains("# TuneAdvisor diff: before.json → -", stdout.ToString());
    }
}
