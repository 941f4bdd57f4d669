using static TuneAdvisor.Reporting.ScriptValues;
using System.Globalization;
using Scriban.Runtime;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Drift;

/// <summary>
/// The object templates/diff.md.scriban sees, as plain ScriptObjects (no reflection over our types, so it works under
/// Native AOT); snake_case names. Values are left as they are: the template context escapes every value the template
/// writes (<see cref="Reporting.MarkdownText.Inline"/>: '|', markup characters, line breaks and control characters),
/// the one Markdown policy the audit report uses too, so a hostile value cannot break the table or reach a terminal.
/// </summary>
public static class DiffReportModel
{
    public static ScriptObject Build(SnapshotDiff d)
    {
        var summary = DiffJsonWriter.Summary(d);
        return new ScriptObject
        {
            ["tool_version"] = d.ToolVersion,
            ["before"] = Side(d.Before),
            ["after"] = Side(d.After),
            ["policy"] = d.PolicyPath,
            ["includes_volatile"] = d.IncludesVolatile,
            ["count"] = d.Count,
            ["summary"] = Obj(
                ("sysctls", Obj(("changed", summary.Sysctls.Changed), ("added", summary.Sysctls.Added), ("removed", summary.Sysctls.Removed))),
                ("listeners", Obj(("appeared", summary.Listeners.Appeared), ("disappeared", summary.Listeners.Disappeared), ("changed", summary.Listeners.Changed))),
                ("findings", Obj(("new", summary.Findings.New), ("fixed", summary.Findings.Fixed), ("changed", summary.Findings.Changed), ("unchanged", summary.Findings.Unchanged))),
                ("other", summary.Other)),
            ["sysctls"] = Arr(d.Sysctls.Select(c => Obj(("key", c.Key), ("change", c.Change), ("before", c.Before?.Value), ("after", c.After?.Value)))),
            ["listeners"] = Arr(d.Listeners.Select(c => Obj(("subject", c.Subject), ("change", c.Change),
                ("before", Number(c.BeforeBacklog)), ("after", Number(c.AfterBacklog)),
                ("process", string.Join(",", (c.After ?? c.Before!).Processes.Select(p => $"{p.Name}({p.Pid})")))))),
            ["findings"] = Arr(d.Findings.Select(c => Obj(("change", c.Change), ("rule_id", c.Finding.RuleId), ("subject", c.Finding.Subject),
                ("severity", c.Kind == ChangeKind.Changed ? $"{c.Before!.Severity.ToName()} → {c.After!.Severity.ToName()}" : c.Finding.Severity.ToName()),
                ("message", c.Finding.Message + (c.Finding.Suppression is null ? "" : " (waived)") + (c.Note is null ? "" : $" ({c.Note})"))))),
            ["other"] = Arr(d.Other.Select(c => Obj(("key", c.Key), ("change", c.Change), ("before", c.Before), ("after", c.After),
                ("volatile", c.Volatile)))),
        };
    }

    private static ScriptObject Side(DiffSide s) => Obj(
        ("path", s.Path), ("name", Path.GetFileName(s.Path) is { Length: > 0 } name ? name : s.Path),
        ("hostname", s.Hostname ?? "unknown"), ("kernel", s.Kernel ?? "unknown"),
        ("source", $"{s.SourceKind} {s.SourceLocation}"),
        ("captured_at", s.CapturedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
