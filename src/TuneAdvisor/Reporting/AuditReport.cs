using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Remediation;

namespace TuneAdvisor.Reporting;

/// <summary>
/// What every report writer renders: the analysis, its remediation bundle (built once, here), the gate it was held
/// to, the policy file that shaped it and the baseline it was compared with (null without --baseline).
/// <see cref="Advisor.AuditAsync"/> makes one per audit.
/// </summary>
public sealed record AuditReport(AnalysisResult Analysis, RemediationBundle Remediation, Severity FailOn, string? PolicyPath, BaselineComparison? Baseline = null)
{
    /// <summary>A report of <paramref name="analysis"/>, with its remediation bundle built from the active findings.</summary>
    public static AuditReport Of(AnalysisResult analysis, Severity failOn = Severity.Warning, string? policyPath = null, BaselineComparison? baseline = null) =>
        new(analysis, RemediationBundle.Build(analysis), failOn, policyPath, baseline);

    /// <summary>The gate, asked once: does any counted finding (not waived, and new when there is a baseline) reach <see cref="FailOn"/>?</summary>
    public bool GateFails =>
        FailOn != Severity.None && Analysis.ActiveFindings.Any(f => f.Severity >= FailOn);
}
