using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Remediation;

namespace TuneAdvisor.Reporting;

/// <summary>
/// What every report writer renders: the analysis, its remediation bundle (built once, here), the gate it was held
/// to and the policy file that shaped it. <see cref="Advisor.AuditAsync"/> makes one per audit.
/// </summary>
public sealed record AuditReport(AnalysisResult Analysis, RemediationBundle Remediation, Severity FailOn, string? PolicyPath)
{
    /// <summary>A report of <paramref name="analysis"/>, with its remediation bundle built from the active findings.</summary>
    public static AuditReport Of(AnalysisResult analysis, Severity failOn = Severity.Warning, string? policyPath = null) =>
        new(analysis, RemediationBundle.Build(analysis), failOn, policyPath);

    /// <summary>The gate, asked once: does any counted (not waived) finding reach <see cref="FailOn"/>?</summary>
    public bool GateFails =>
        FailOn != Severity.None && Analysis.ActiveFindings.Any(f => f.Severity >= FailOn);
}
