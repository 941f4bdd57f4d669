using System.Text.Json;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Reporting;

namespace TuneAdvisor.Tests.Cli;

/// <summary>--baseline and --write-baseline on the command line: help, messages on standard error, exit codes.</summary>
public sealed class BaselineCliTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Snapshot() => _tree.Write("snap.json", SnapshotJson.Serialize(ReportFixture.Result().Snapshot));

    [Fact]
    public void Help_describes_both_options_and_the_exit_code_of_a_bad_baseline()
    {
        var help = CliRunner.Run("audit", "--help").Stdout;
        Assert.Contains("--baseline <FILE>", help);
        Assert.Contains("--fail-on then counts only new findings", help);
        Assert.Contains("--write-baseline <FILE>", help);
        Assert.Contains("2 what you wrote is wrong (arguments, policy, rules, templates, baseline file)", help);
    }

    [Fact]
    public void Writing_then_reading_a_baseline_turns_a_failing_run_into_a_passing_one()
    {
        var snap = Snapshot();
        var baseline = _tree.PathOf("ci/base.json");
        var write = CliRunner.Run("audit", "--snapshot", snap, "--no-policy", "--write-baseline", baseline, "--format", "json");
        Assert.Equal(1, write.ExitCode);   // writing a baseline does not change the gate
        Assert.Contains($"tuneadvisor: baseline of 6 finding(s) written to {baseline}", write.Stderr);
        Assert.DoesNotContain("baselineState", write.Stdout);

        var gated = CliRunner.Run("audit", "--snapshot", snap, "--no-policy", "--baseline", baseline, "--fail-on", "info");
        Assert.True(gated.ExitCode == 0, gated.Stderr);
        Assert.Matches($@"tuneadvisor: baseline {System.Text.RegularExpressions.Regex.Escape(baseline)} \(6 finding\(s\), \d{{4}}-\d\d-\d\d \d\d:\d\d UTC\)", gated.Stderr);
        Assert.Contains("tuneadvisor: 0 new finding(s) (0 error, 0 warning, 0 info, 6 in the baseline, 0 fixed)", gated.Stderr);
        Assert.Contains("## Unchanged (in the baseline)", gated.Stdout);
    }

    [Fact]
    public void A_malformed_baseline_is_exit_2_with_file_line_and_column_and_nothing_is_audited()
    {
        var baseline = _tree.Write("base.json", "{\n  \"formatVersion\": 1,\n  \"findings\": [\n    { \"ruleId\": \"TA1001\", \"subject\": 7 }\n  ]\n}\n");
        var r = CliRunner.Run("audit", "--snapshot", Snapshot(), "--no-policy", "--baseline", baseline);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{baseline}(4,38): error TA0352: Invalid baseline file: findings[0].subject: expected a string", r.Stderr);
        Assert.Contains("tuneadvisor: the baseline file cannot be used; nothing was audited", r.Stderr);
        Assert.Equal("", r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void A_missing_baseline_is_exit_2_since_the_user_named_it()
    {
        var r = CliRunner.Run("audit", "--snapshot", Snapshot(), "--no-policy", "--baseline", _tree.PathOf("nope.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nope.json: error TA0351: Cannot read the baseline file: no such file", r.Stderr);
    }

    [Fact]
    public void A_baseline_that_cannot_be_written_is_exit_2_after_the_report()
    {
        _tree.File("blocker", "a file where a folder should be");
        var r = CliRunner.Run("audit", "--snapshot", Snapshot(), "--no-policy", "--write-baseline", _tree.PathOf("blocker/base.json"), "--format", "json", "--fail-on", "none");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error TA0353: Cannot write the baseline file", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);   // the report itself was still written
        Assert.Equal(6, doc.RootElement.GetProperty("findings").GetArrayLength());
    }
}
