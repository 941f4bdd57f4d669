using static TuneAdvisor.Reporting.ScriptValues;
using Scriban.Runtime;
using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Reporting;

/// <summary>
/// The findings in the order every human format shows them, decided here once so Markdown and HTML agree: sections
/// new, unchanged, waived, fixed (with a baseline) or findings, waived (without one), each sorted by severity (error
/// first), category, rule id and subject. The first section is always there (a template says "none" for it); the
/// others only when they hold something. A waived finding is in "waived" whether or not the baseline holds it.
/// </summary>
public static partial class ReportModel
{
    private static ScriptArray Sections(AuditReport report)
    {
        var findings = report.Analysis.Findings;
        var waived = findings.Where(f => f.Suppression is not null);
        var sections = new ScriptArray();
        if (report.Baseline is not { } baseline)
        {
            Add(sections, "findings", "Findings", "No findings.", findings.Where(f => f.Suppression is null), always: true);
            Add(sections, "waived", "Waived", "", waived);
            return sections;
        }
        Add(sections, "new", "New findings", "No new findings: everything found is in the baseline or waived.",
            findings.Where(f => f.Suppression is null && f.Baseline != BaselineState.Unchanged), always: true);
        Add(sections, "unchanged", "Unchanged (in the baseline)", "", findings.Where(f => f.Suppression is null && f.Baseline == BaselineState.Unchanged));
        Add(sections, "waived", "Waived", "", waived);
        var fixedEntries = baseline.Fixed
            .OrderByDescending(e => SeverityNames.TryParse(e.Severity, out var s) ? s : Severity.None)
            .ThenBy(e => e.Category, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Subject, StringComparer.Ordinal)
            .ToArray();
        if (fixedEntries.Length > 0)
            sections.Add(Obj(("key", "fixed"), ("label", "Fixed (in the baseline, not found now)"), ("tone", "ok"), ("empty", ""),
                ("findings", Arr([])), ("fixed", Arr(fixedEntries.Select(BaselineEntryObject)))));
        return sections;
    }

    private static void Add(ScriptArray sections, string key, string label, string empty, IEnumerable<Finding> findings, bool always = false)
    {
        var sorted = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Category, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToArray();
        if (sorted.Length == 0 && !always)
            return;
        var tone = key is "findings" or "new" && sorted.Length > 0 ? sorted[0].Severity.ToName() : "muted";
        sections.Add(Obj(("key", key), ("label", label), ("tone", tone), ("empty", empty), ("findings", Arr(sorted.Select(Finding))), ("fixed", Arr([]))));
    }

    private static object BaselineEntryObject(BaselineEntry e) => Obj(
        ("rule_id", e.RuleId), ("subject", e.Subject), ("severity", e.Severity), ("category", e.Category), ("title", e.Title), ("fingerprint", e.Fingerprint));

    /// <summary>The baseline the run was compared with, for the header and the summary; null without one.</summary>
    private static ScriptObject? Baseline(AuditReport report) => report.Baseline is not { } b ? null : Obj(
        ("path", b.Path),
        ("created_at", b.Baseline.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
        ("tool_version", b.Baseline.ToolVersion),
        ("new", report.Analysis.Findings.Count(f => f.Suppression is null && f.Baseline == BaselineState.New)),
        ("unchanged", report.Analysis.Findings.Count(f => f.Suppression is null && f.Baseline == BaselineState.Unchanged)),
        ("fixed", b.Fixed.Length),
        ("not_checked", b.NotChecked.Length),
        ("not_checked_items", Arr(b.NotChecked.Select(BaselineEntryObject))));
}
