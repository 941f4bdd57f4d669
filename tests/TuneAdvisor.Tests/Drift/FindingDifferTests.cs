using TuneAdvisor.Diagnostics;
using TuneAdvisor.Drift;
using static TuneAdvisor.Tests.Drift.DriftFixture;

namespace TuneAdvisor.Tests.Drift;

public sealed class FindingDifferTests
{
    private const string Tuned = """
        kernel: "6.1.0-18-amd64"
        sysctls: { net.core.somaxconn: 4096 }
        listeners:
          - { protocol: tcp, local: "127.0.0.1:8080", recvQ: 0, sendQ: 4096 }
        """;

    private const string Untuned = """
        kernel: "6.1.0-18-amd64"
        sysctls: { net.core.somaxconn: 128 }
        listeners:
          - { protocol: tcp, local: "127.0.0.1:8080", recvQ: 0, sendQ: 128 }
        """;

    [Fact]
    public void Findings_only_the_second_audit_raised_are_new_and_those_only_the_first_raised_are_fixed()
    {
        var worse = Diff(Tuned, Untuned);
        Assert.Contains("new TA1001|host - -> warning", Lines(worse.Findings));
        Assert.All(worse.Findings, f => Assert.Equal(ChangeKind.Added, f.Kind));

        var better = Diff(Untuned, Tuned);
        Assert.Contains("fixed TA1001|host warning -> -", Lines(better.Findings));
        Assert.All(better.Findings, f => Assert.Equal(ChangeKind.Removed, f.Kind));
        Assert.Equal(worse.Findings.Length, better.Findings.Length);
    }

    [Fact]
    public void Findings_match_by_fingerprint_not_by_message_and_a_new_severity_is_a_change()
    {
        var before = Raised(
            Finding("TA1002", "listener tcp 127.0.0.1:8080", message: "9 connections waiting"),
            Finding("TA1406", "destination tcp 10.0.0.5:5432", Severity.Warning),
            Finding("TA1601", "process nginx(900)"));
        var after = Raised(
            Finding("TA1002", "listener tcp 127.0.0.1:8080", message: "12 connections waiting"),
            Finding("TA1406", "destination tcp 10.0.0.5:5432", Severity.Error),
            Finding("TA1013", "listener tcp [::]:443"));

        var (changes, unchanged) = FindingDiffer.Compare(before, after);

        Assert.Equal("""
            new TA1013|listener tcp [::]:443 - -> warning
            changed TA1406|destination tcp 10.0.0.5:5432 warning -> error
            fixed TA1601|process nginx(900) warning -> -
            """.ReplaceLineEndings("\n"), Lines(changes));
        Assert.Equal(1, unchanged);
    }

    [Fact]
    public void A_finding_gone_because_its_rule_cannot_run_on_the_second_source_says_so()
    {
        const string counted = "sysctls: { net.core.somaxconn: 4096 }\ncounters: { TcpExt.ListenOverflows: 90, TcpExt.ListenDrops: 90 }\n";
        const string noCounters = "sysctls: { net.core.somaxconn: 4096 }\n";
        var diff = Diff(counted, noCounters);
        var gone = Assert.Single(diff.Findings, f => f.Finding.RuleId == "TA1003");
        Assert.Equal("fixed", gone.Change);
        Assert.StartsWith("TA1003 was not applicable to the second snapshot: ", gone.Note);
    }
}
