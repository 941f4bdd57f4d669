using System.Text.Json;
using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Reporting;

/// <summary>The machine-readable report (System.Text.Json source generation, AOT-safe).</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";

    public string Extension => ".json";

    public string Write(AuditReport report) =>
        JsonSerializer.Serialize(WithBaseline(ToDocument(report.Analysis) with { Policy = report.PolicyPath }, report), ReportJsonContext.Default.JsonReport) + "\n";

    private static JsonReport WithBaseline(JsonReport document, AuditReport report)
    {
        if (report.Baseline is not { } b)
            return document;
        var findings = report.Analysis.Findings;
        return document with
        {
            Baseline = new JsonBaseline(b.Path, b.Baseline.CreatedAt, b.Baseline.ToolVersion,
                findings.Count(f => f.Suppression is null && f.Baseline == BaselineState.New),
                findings.Count(f => f.Suppression is null && f.Baseline == BaselineState.Unchanged),
                b.Fixed.Length, [.. b.NotChecked.Select(Entry)]),
            Fixed = [.. b.Fixed.Select(Entry)],
        };
    }

    private static JsonBaselineEntry Entry(BaselineEntry e) => new(e.RuleId, e.Subject, e.Severity, e.Category, e.Title, e.Fingerprint);

    public static JsonReport ToDocument(AnalysisResult r) => new(
        1,
        "TuneAdvisor",
        r.ToolVersion,
        r.GeneratedAt,
        r.Snapshot.Source,
        r.Snapshot.Host,
        new JsonSummary(
            r.Rules.Length, r.Findings.Length,
            r.ActiveFindings.Count(f => f.Severity == Severity.Error),
            r.ActiveFindings.Count(f => f.Severity == Severity.Warning),
            r.ActiveFindings.Count(f => f.Severity == Severity.Info),
            r.Findings.Count(f => f.Suppression is not null),
            r.Count(OutcomeKind.Pass), r.Count(OutcomeKind.Fail), r.Count(OutcomeKind.NotApplicable), r.Count(OutcomeKind.NotEvaluated)),
        [.. r.Findings.Select(f => new JsonFinding(f.RuleId, f.Title, f.Category, f.Severity.ToName(), f.Subject, f.Message, f.Fingerprint,
            f.Evidence, f.Remediation, f.HelpPath, f.RulePath, f.Suppression, f.Baseline?.ToName()))],
        r.Outcomes,
        [.. r.Diagnostics.Select(d => new JsonDiagnostic(d.Id, d.Severity.ToName(), d.Message, d.Span.Path.Length > 0 ? d.Span.Path : null,
            d.Span.HasPosition ? d.Span.Line : null, d.Span.HasPosition ? d.Span.Column : null))]);
}
