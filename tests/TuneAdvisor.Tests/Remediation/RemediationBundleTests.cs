using Snapshooter.Xunit;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Remediation;
using TuneAdvisor.Tests.Reporting;
using static TuneAdvisor.Tests.Remediation.RemediationFindings;

namespace TuneAdvisor.Tests.Remediation;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RemediationBundleTests
{
    [Fact]
    public void Drop_in_of_the_report_fixture_matches_the_approved_snapshot() =>
        Snapshot.Match(RemediationBundle.Build(ReportFixture.Result()).DropIn);

    [Fact]
    public void Script_of_the_report_fixture_matches_the_approved_snapshot() =>
        Snapshot.Match(RemediationBundle.Build(ReportFixture.Result()).Script);

    [Fact]
    public void Hints_of_the_report_fixture_name_rule_subject_and_text_without_running_anything()
    {
        var bundle = RemediationBundle.Build(ReportFixture.Result());
        Assert.Contains("TA1002 (listener tcp 127.0.0.1:8080): run by hand: ss -ltnp 'sport = :8080'", bundle.Hints);
        Assert.Contains("TA1001 (host): Raise net.core.somaxconn, then restart or reload the listening services so they call listen() again.", bundle.Hints);
        Assert.Contains("#   - TA1002 (listener tcp 127.0.0.1:8080): run by hand: ss -ltnp 'sport = :8080'\n", bundle.Script);
        Assert.DoesNotContain("\nss -ltnp", bundle.Script);
    }

    [Fact]
    public void Conflicting_numbers_keep_the_larger_and_say_so()
    {
        var bundle = RemediationBundle.Build(With(
            Make("TA9001", "host", ("net.core.somaxconn", "4096")),
            Make("TA9002", "listener tcp 0.0.0.0:80", ("net.core.somaxconn", "8192")),
            Make("TA9003", "host", ("net.core.somaxconn", "1024"))));
        Assert.Contains("\n# conflict: rules ask for \"4096\" / \"8192\" / \"1024\"; kept the largest, 8192\nnet.core.somaxconn = 8192\n", bundle.DropIn);
        Assert.Contains("# TA9002 rule TA9002: listener tcp 0.0.0.0:80 asks for 8192\n", bundle.DropIn);
        Assert.Single(bundle.DropIn.Split('\n'), l => l.StartsWith("net.core.somaxconn", StringComparison.Ordinal));
        Assert.Contains("  setting net.core.somaxconn 8192\n", bundle.Script);
    }

    [Fact]
    public void Conflicting_tuples_keep_the_larger_of_each_field()
    {
        var bundle = RemediationBundle.Build(With(
            Make("TA9001", "host", ("net.ipv4.tcp_rmem", "4096 131072 6291456")),
            Make("TA9002", "host", ("net.ipv4.tcp_rmem", "8192 87380 16777216"))));
        Assert.Contains("kept the largest of each field, 8192 131072 16777216\nnet.ipv4.tcp_rmem = 8192 131072 16777216\n", bundle.DropIn);
        Assert.Contains("  setting net.ipv4.tcp_rmem '8192 131072 16777216'\n", bundle.Script);
    }

    [Fact]
    public void Conflicting_words_are_left_for_a_person_to_choose()
    {
        var bundle = RemediationBundle.Build(With(
            Make("TA9001", "host", ("net.ipv4.tcp_congestion_control", "bbr")),
            Make("TA9002", "host", ("net.ipv4.tcp_congestion_control", "cubic"), ("net.core.somaxconn", "4096"))));
        Assert.Contains("# conflict: rules ask for \"bbr\" / \"cubic\"; not set, choose one by hand\n# net.ipv4.tcp_congestion_control = bbr\n# net.ipv4.tcp_congestion_control = cubic\n", bundle.DropIn);
        Assert.DoesNotContain("\nnet.ipv4.tcp_congestion_control", bundle.DropIn);
        Assert.DoesNotContain("tcp_congestion_control", bundle.Script.Split("settings() {")[1].Split('}')[0]);
        Assert.Contains(bundle.Hints, h => h.StartsWith("net.ipv4.tcp_congestion_control: conflict", StringComparison.Ordinal) && h.Contains("TA9002 host asks for \"cubic\""));
        Assert.Contains("count=1\n", bundle.Script);
    }

    [Fact]
    public void A_finding_without_sysctls_gives_an_empty_drop_in_and_keeps_its_steps_as_hints()
    {
        var finding = Make("TA9001", "listener tcp 0.0.0.0:80") with
        {
            Remediation = new TuneAdvisor.Rules.Fix("Accept faster.", [], ["ss -ltn"], ["Raise the app backlog."]),
        };
        var bundle = RemediationBundle.Build(With(finding));
        Assert.EndsWith("\n\n# No sysctl changes were recommended.\n", bundle.DropIn);
        Assert.Contains("count=0\n", bundle.Script);
        Assert.Equal(
            "TA9001 (listener tcp 0.0.0.0:80): Accept faster.\nTA9001 (listener tcp 0.0.0.0:80): run by hand: ss -ltn\nTA9001 (listener tcp 0.0.0.0:80): Raise the app backlog.",
            string.Join('\n', bundle.Hints));
    }

    [Fact]
    public void Waived_findings_are_not_remediated()
    {
        var waived = Make("TA9001", "host", ("net.core.somaxconn", "4096")) with { Suppression = new Suppression("waiver", "accepted") };
        var bundle = RemediationBundle.Build(With(waived, Make("TA9002", "host", ("net.core.netdev_max_backlog", "2000"))));
        Assert.DoesNotContain("somaxconn", bundle.DropIn);
        Assert.Contains("\nnet.core.netdev_max_backlog = 2000\n", bundle.DropIn);
        Assert.DoesNotContain(bundle.Hints, h => h.StartsWith("TA9001", StringComparison.Ordinal));
    }

    [Fact]
    public void Unsafe_keys_and_values_never_reach_the_drop_in_or_the_script()
    {
        var bundle = RemediationBundle.Build(With(
            Make("TA9001", "host", ("net.core.somaxconn", "4096\nkernel.panic = 1")),
            Make("TA9002", "host", ("net.core;reboot", "1"))));
        Assert.DoesNotContain("\nkernel.panic", bundle.DropIn);
        Assert.DoesNotContain("\nnet.core.somaxconn", bundle.DropIn);
        Assert.DoesNotContain("reboot", bundle.Script.Split("settings() {")[1].Split('}')[0]);
        Assert.Contains("# left out: TA9001 asks for an empty or multi-line value\n", bundle.DropIn);
        Assert.Contains("# left out: the key has characters a sysctl name cannot have\n", bundle.DropIn);
    }

    [Fact]
    public void Many_subjects_are_named_up_to_a_limit()
    {
        var findings = Enumerable.Range(1, 7).Select(i => Make("TA9001", $"listener tcp 0.0.0.0:{8000 + i}", ("net.core.somaxconn", "4096"))).ToArray();
        var bundle = RemediationBundle.Build(With(findings));
        Assert.Contains("# TA9001 rule TA9001: listener tcp 0.0.0.0:8001, listener tcp 0.0.0.0:8002, listener tcp 0.0.0.0:8003, listener tcp 0.0.0.0:8004, listener tcp 0.0.0.0:8005 (and 2 more)\nnet.core.somaxconn = 4096\n", bundle.DropIn);
        Assert.Contains("TA9001 (listener tcp 0.0.0.0:8001, listener tcp 0.0.0.0:8002, listener tcp 0.0.0.0:8003, listener tcp 0.0.0.0:8004, listener tcp 0.0.0.0:8005 and 2 more): Fix TA9001.", bundle.Hints);
    }

    [Fact]
    public void Writer_puts_three_files_in_the_directory_with_an_executable_script()
    {
        var dir = Directory.CreateTempSubdirectory("tuneadvisor-bundle-").FullName;
        try
        {
            var bundle = RemediationBundle.Build(ReportFixture.Result());
            var paths = RemediationBundleWriter.Write(bundle, Path.Combine(dir, "out"));
            Assert.Equal(["90-tuneadvisor.conf", "tuneadvisor-apply.sh", "tuneadvisor-hints.txt"], paths.Select(Path.GetFileName));
            Assert.Equal(bundle.DropIn, File.ReadAllText(paths[0]));
            Assert.True(File.GetUnixFileMode(paths[1]).HasFlag(UnixFileMode.UserExecute));
            Assert.Equal(string.Concat(bundle.Hints.Select(h => h + "\n")), File.ReadAllText(paths[2]));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
