using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Tests.Reporting;

namespace TuneAdvisor.Tests.Remediation;

/// <summary>Hand-made findings for remediation tests, over the report fixture's snapshot.</summary>
internal static class RemediationFindings
{
    public static Finding Make(string ruleId, string subject, params (string Key, string Value)[] sysctls) => new()
    {
        RuleId = ruleId,
        Title = $"rule {ruleId}",
        Category = "test",
        Severity = Severity.Warning,
        Subject = subject,
        Message = $"{ruleId} fired for {subject}",
        Remediation = new TuneAdvisor.Rules.Fix($"Fix {ruleId}.", [.. sysctls.Select(s => new TuneAdvisor.Rules.SysctlSetting(s.Key, s.Value))], [], []),
    };

    public static AnalysisResult With(params Finding[] findings) => ReportFixture.Result() with
    {
        Findings = [.. findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)],
    };
}
