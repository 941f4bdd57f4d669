using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Policy;

namespace TuneAdvisor.Tests.Reporting;

/// <summary>Variations of <see cref="ReportFixture"/> that exercise what the plain fixture does not: waivers, diagnostics, file sources.</summary>
public static class ReportFixtures
{
    /// <summary>The fixture with TA1003 waived, evidence read from files, and two diagnostics.</summary>
    public static AnalysisResult Rich()
    {
        var policy = AuditPolicy.Default with
        {
            Waivers = [new Waiver("TA1003", "host", "overflows before the 2026-11 fix", "sre-team", null, SourceSpan.At("tuneadvisor.yaml", 4, 3))],
        };
        var r = ReportFixture.Result(policy);
        return r with
        {
            Findings = [.. r.Findings.Select(f => f.RuleId == "TA1001"
                ? f with { Evidence = [new Evidence("sysctl(\"net.core.somaxconn\")", "128", "/proc/sys/net/core/somaxconn"), new Evidence("configured", "128", "etc/sysctl.d/60-net.conf:3")] }
                : f)],
            Diagnostics =
            [
                Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At("etc/sysctl.d/60-net.conf", 7, 1), "no '=' in \"net.core.rmem_max 4096\""),
                Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File("/proc/net/snmp6"), "permission denied"),
            ],
        };
    }

    /// <summary>No rules, no findings, no outcomes: what every writer must still render.</summary>
    public static AnalysisResult Empty() => ReportFixture.Result() with
    {
        Rules = [],
        Findings = [],
        Outcomes = [],
        Diagnostics = ImmutableArray<Diagnostic>.Empty,
    };
}
