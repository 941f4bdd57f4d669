using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Cli.Commands;

/// <summary>The one-line summary printed to standard error after an audit.</summary>
internal static class Summary
{
    /// <summary>
    /// "tuneadvisor: 2 finding(s) (1 error, 1 warning, 0 info, 1 waived); …": the counted findings first, then the waived,
    /// and with a baseline "2 new finding(s) (…, 4 in the baseline, 1 fixed)".
    /// </summary>
    public static string Line(AuditReport report)
    {
        var r = report.Analysis;
        var active = r.ActiveFindings.ToList();
        int waived = r.Findings.Count(f => f.Suppression is not null);
        int unchanged = r.Findings.Count(f => f.Suppression is null && f.Baseline == BaselineState.Unchanged);
        return $"tuneadvisor: {active.Count} {(report.Baseline is null ? "" : "new ")}finding(s) ({active.Count(f => f.Severity == Severity.Error)} error, " +
               $"{active.Count(f => f.Severity == Severity.Warning)} warning, {active.Count(f => f.Severity == Severity.Info)} info" +
               (waived > 0 ? $", {waived} waived" : "") +
               (report.Baseline is { } b ? $", {unchanged} in the baseline, {b.Fixed.Length} fixed" : "") +
               $"); {r.Rules.Length} rules: {r.Count(OutcomeKind.Pass)} passed, {r.Count(OutcomeKind.NotApplicable)} not applicable, " +
               $"{r.Count(OutcomeKind.NotEvaluated)} not evaluated";
    }
}
