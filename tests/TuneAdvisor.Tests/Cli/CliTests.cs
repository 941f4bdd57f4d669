using System.Text.Json;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Reporting;

namespace TuneAdvisor.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string SavedFixture()
    {
        var path = Path.Combine(_dir, "snap.json");
        File.WriteAllText(path, SnapshotJson.Serialize(ReportFixture.Result().Snapshot));
        return path;
    }

    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_2()
    {
        var r = CliRunner.Run("audit", "--no-such-option");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--no-such-option", r.Stderr);
    }

    [Fact]
    public void Audit_of_a_saved_snapshot_exits_1_on_findings_and_0_with_fail_on_none()
    {
        var snap = SavedFixture();
        var failing = CliRunner.Run("audit", "--snapshot", snap, "--format", "json");
        Assert.Equal(1, failing.ExitCode);
        using var doc = JsonDocument.Parse(failing.Stdout);
        Assert.Equal(6, doc.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(0, CliRunner.Run("audit", "--snapshot", snap, "--fail-on", "none").ExitCode);
    }

    [Fact]
    public void Nstat_option_reads_plain_nstat_output_as_a_delta_and_is_a_usage_error_without_input()
    {
        var capture = Path.Combine(RepoPaths.Root, "tests/TuneAdvisor.Tests/TestFiles/Captures/nstat_delta.txt");
        var asDelta = CliRunner.Run("collect", "--input", capture, "--nstat", "delta");
        Assert.True(asDelta.ExitCode == 0, asDelta.Stderr);
        using (var doc = JsonDocument.Parse(asDelta.Stdout))
        {
            Assert.Equal(7, doc.RootElement.GetProperty("deltas").GetProperty("TcpExt.ListenOverflows").GetInt64());
            Assert.False(doc.RootElement.GetProperty("counters").TryGetProperty("TcpExt.ListenOverflows", out _));
        }
        var asTotals = CliRunner.Run("collect", "--input", capture, "--nstat", "absolute");
        using (var doc = JsonDocument.Parse(asTotals.Stdout))
            Assert.Equal(7, doc.RootElement.GetProperty("counters").GetProperty("TcpExt.ListenOverflows").GetInt64());

        Assert.Equal(2, CliRunner.Run("audit", "--nstat", "delta").ExitCode);
        var bad = CliRunner.Run("audit", "--input", capture, "--nstat", "sometimes");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--nstat 'sometimes'", bad.Stderr);
    }

    [Fact]
    public void A_policy_file_waives_findings_and_sets_fail_on_and_the_command_line_applies_on_top()
    {
        var snap = SavedFixture();
        using var findings = JsonDocument.Parse(CliRunner.Run("audit", "--snapshot", snap, "--format", "json").Stdout);
        var rules = findings.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Distinct().ToList();
        Assert.NotEmpty(rules);

        var policy = Path.Combine(_dir, "team.policy.yaml");
        File.WriteAllText(policy, "waivers:\n" + string.Concat(rules.Select(r =>
            $"  - {{ rule: {r}, reason: accepted for this image, approver: sre, expires: 2999-01-01 }}\n")));
        var waived = CliRunner.Run("audit", "--snapshot", snap, "--policy", policy, "--format", "json");
        Assert.True(waived.ExitCode == 0, waived.Stderr);
        using (var doc = JsonDocument.Parse(waived.Stdout))
            Assert.All(doc.RootElement.GetProperty("findings").EnumerateArray(),
                f => Assert.Contains("accepted for this image (approved by sre)", f.GetProperty("suppression").GetProperty("justification").GetString()));

        // An expired waiver stops applying and says so; failOn in the file is used unless --fail-on is given.
        File.WriteAllText(policy, $"failOn: none\nwaivers:\n  - {{ rule: {rules[0]}, reason: was fine, expires: 2020-01-01 }}\n");
        var expired = CliRunner.Run("audit", "--snapshot", snap, "--policy", policy);
        Assert.Equal(0, expired.ExitCode);
        Assert.Contains("warning TA0302: Waiver for " + rules[0], expired.Stderr);
        Assert.Equal(1, CliRunner.Run("audit", "--snapshot", snap, "--policy", policy, "--fail-on", "info").ExitCode);

        File.WriteAllText(policy, "failOn: warning\nseverity:\n  TA1001: fatal\n");
        var broken = CliRunner.Run("audit", "--snapshot", snap, "--policy", policy);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains($"{policy}(3,11): error TA0301: Invalid configuration: 'fatal' is not a severity", broken.Stderr);
        Assert.DoesNotContain("   at ", broken.Stderr);
    }

    [Fact]
    public void Fail_on_error_ignores_lesser_findings()
    {
        var snap = SavedFixture();
        Assert.Equal(1, CliRunner.Run("audit", "--snapshot", snap, "--fail-on", "error").ExitCode);
        Assert.Equal(0, CliRunner.Run("audit", "--snapshot", snap, "--fail-on", "error", "--severity", "all=info").ExitCode);
    }

    [Fact]
    public void A_folder_given_as_a_snapshot_is_exit_3_and_says_it_is_a_folder()
    {
        var r = CliRunner.Run("audit", "--snapshot", _dir);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("is a folder, not a saved snapshot (audit a folder of captures with --input", r.Stderr);
        Assert.DoesNotContain("denied", r.Stderr);
    }

    [Fact]
    public void Missing_snapshot_file_is_exit_3_with_one_line_naming_it()
    {
        var r = CliRunner.Run("audit", "--snapshot", Path.Combine(_dir, "nope.json"));
        Assert.Equal(3, r.ExitCode);   // a data source, not what the user wrote
        Assert.Contains("nope.json: error TA0201: Cannot read input", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Garbage_snapshot_is_exit_3_with_file_line_and_column()
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, "{\n  \"schemaVersion\": 1,\n  \"host\": [oops\n}");
        var r = CliRunner.Run("audit", "--snapshot", path);
        Assert.Equal(3, r.ExitCode);   // a data source, not what the user wrote
        Assert.Matches(@"bad\.json\(3,\d+\): error TA0206: Invalid snapshot", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Broken_rule_in_rules_dir_stops_the_audit_with_exit_2()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "TA9001-broken.yaml"), "id: TA9001\ntitle: t\nmessage: m\ncategory: custom\nseverity: warning\nscope: host\nconditon: true\n");
        var r = CliRunner.Run("audit", "--snapshot", SavedFixture(), "--rules", rules);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("TA9001-broken.yaml(7,1): error TA0003: Unknown field 'conditon' in a rule; did you mean 'condition'?", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void User_rules_run_beside_the_built_in_ones()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "mine")).FullName;
        File.WriteAllText(Path.Combine(rules, "TA9001-syncookies-on.yaml"), """
            id: TA9001
            title: syncookies must be on
            message: 'tcp_syncookies is {sysctl("net.ipv4.tcp_syncookies")}'
            category: custom
            severity: error
            scope: host
            condition: sysctl("net.ipv4.tcp_syncookies") == 1
            """);
        File.WriteAllText(Path.Combine(rules, "TA9001-syncookies-on.md"), "# TA9001\n");
        var r = CliRunner.Run("audit", "--snapshot", SavedFixture(), "--rules", rules, "--format", "json", "--fail-on", "none");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"ruleId\": \"TA9001\"", r.Stdout);
    }

    [Fact]
    public void Rules_check_prints_compiler_style_diagnostics_and_exits_2()
    {
        var file = Path.Combine(_dir, "TA9002-x.yaml");
        File.WriteAllText(file, "id: TA9002\ntitle: t\nmessage: m\ncategory: custom\nseverity: warning\nscope: host\ncondition: 16MiB > \"big\"\n");
        var r = CliRunner.Run("rules", "check", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}(7,18): error TA0103: Operator '>' cannot be applied to Bytes and String", r.Stdout);
        Assert.Contains("0 rule(s) compiled, 1 error(s)", r.Stdout);
    }

    [Fact]
    public void Rules_check_of_the_built_in_rules_is_clean() =>
        Assert.Equal(0, CliRunner.Run("rules", "check").ExitCode);

    [Fact]
    public void Rules_test_runs_every_built_in_case()
    {
        var r = CliRunner.Run("rules", "test");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"\n\d+ passed, 0 failed\n$", r.Stdout);
    }

    [Fact]
    public void Rules_show_prints_the_descriptor_and_help()
    {
        var r = CliRunner.Run("rules", "show", "ta1002");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("TA1002: A listener's accept queue is (nearly) full", r.Stdout);
        Assert.Contains("option fill (Percent, default 90%)", r.Stdout);
        Assert.Contains("# TA1002", r.Stdout);
        Assert.Equal(2, CliRunner.Run("rules", "show", "TA1009x").ExitCode);
    }

    [Fact]
    public void Collect_then_audit_snapshot_reproduces_the_live_audit()
    {
        static string[] Fingerprints(string json)
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()!).ToArray();
        }
        var live = CliRunner.Run("audit", "--interval", "0", "--format", "json", "--fail-on", "none");
        var snap = Path.Combine(_dir, "live.json");
        Assert.Equal(0, CliRunner.Run("collect", "--interval", "0", "-o", snap).ExitCode);
        var replay = CliRunner.Run("audit", "--snapshot", snap, "--format", "json", "--fail-on", "none");
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(Fingerprints(live.Stdout), Fingerprints(replay.Stdout));
        // The saved file round-trips byte for byte.
        var loaded = SnapshotJson.Deserialize(File.ReadAllText(snap), snap, new Diagnostics.DiagnosticBag())!;
        Assert.Equal(File.ReadAllText(snap), SnapshotJson.Serialize(loaded));
    }

    [Fact]
    public void Audit_of_an_image_root_uses_its_sysctl_d_and_says_live_rules_do_not_apply()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "img/etc/sysctl.d"));
        Directory.CreateDirectory(Path.Combine(_dir, "img/usr/lib/modules/6.1.0-18-amd64"));
        File.WriteAllText(Path.Combine(_dir, "img/etc/sysctl.d/60-web.conf"), "# web tier\nnet.core.somaxconn = 128\n");
        var r = CliRunner.Run("audit", "--root", Path.Combine(_dir, "img"), "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "TA1001");
        Assert.Equal("etc/sysctl.d/60-web.conf:2", finding.GetProperty("evidence")[0].GetProperty("source").GetString());
        var outcomes = doc.RootElement.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Contains(outcomes, o => o.GetProperty("ruleId").GetString() == "TA1003" && o.GetProperty("kind").GetString() == "NotApplicable");
    }

    [Fact]
    public void Missing_image_root_is_exit_3()
    {
        var r = CliRunner.Run("audit", "--root", Path.Combine(_dir, "no-such-root"));
        Assert.Equal(3, r.ExitCode);   // a data source, not what the user wrote
        Assert.Contains("TA0201", r.Stderr);
    }

    [Fact]
    public void Audit_writes_the_remediation_bundle_when_asked()
    {
        var dir = Path.Combine(_dir, "fix");
        var r = CliRunner.Run("audit", "--snapshot", SavedFixture(), "--remediation", dir, "--fail-on", "none");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("net.core.somaxconn = 4096", File.ReadAllText(Path.Combine(dir, "90-tuneadvisor.conf")));
        Assert.True(File.Exists(Path.Combine(dir, "tuneadvisor-apply.sh")));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("audit", "--help")]
    [InlineData("collect", "--help")]
    public void Help_shows_the_one_exit_code_table(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(0, r.ExitCode);
        foreach (var code in new[] { "0 pass", "1 the gate failed", "2 what you wrote is wrong", "3 a data source is missing", "70 internal error", "130/143 interrupted" })
            Assert.Contains(code, r.Stdout.ReplaceLineEndings(" "));
    }
}
