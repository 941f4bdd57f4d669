using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Cli.Commands;

/// <summary>The one-line summary printed to standard error after an audit.</summary>
internal static class Summary
{
    public static string Line(AnalysisResult r)
    {
        var active = r.ActiveFindings.ToList();
        return $"tuneadvisor: {active.Count} finding(s) ({active.Count(f => f.Severity == Severity.Error)} error, " +
               $"{active.Count(f => f.Severity == Severity.Warning)} warning, {active.Count(f => f.Severity == Severity.Info)} info" +
               (r.Findings.Length > active.Count ? $", {r.Findings.Length - active.Count} waived" : "") +
               $"); {r.Rules.Length} rules: {r.Count(OutcomeKind.Pass)} passed, {r.Count(OutcomeKind.NotApplicable)} not applicable, " +
               $"{r.Count(OutcomeKind.NotEvaluated)} not evaluated";
    }
}
