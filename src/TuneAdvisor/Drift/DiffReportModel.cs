using System.Globalization;
using System.Text;
using Scriban.Runtime;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Drift;

/// <summary>
/// The object templates/diff.md.scriban sees, as plain ScriptObjects (no reflection over our types, so it works under
/// Native AOT); snake_case names. Text that lands in a table cell is made inert there: '|' escaped, line breaks and
/// control characters written visibly (\n, \x1b), markup characters escaped, so a hostile value cannot break the table or reach a terminal.
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
            ["policy"] = Cell(d.PolicyPath),
            ["includes_volatile"] = d.IncludesVolatile,
            ["count"] = d.Count,
            ["summary"] = Obj(
                ("sysctls", Obj(("changed", summary.Sysctls.Changed), ("added", summary.Sysctls.Added), ("removed", summary.Sysctls.Removed))),
                ("listeners", Obj(("appeared", summary.Listeners.Appeared), ("disappeared", summary.Listeners.Disappeared), ("changed", summary.Listeners.Changed))),
                ("findings", Obj(("new", summary.Findings.New), ("fixed", summary.Findings.Fixed), ("changed", summary.Findings.Changed), ("unchanged", summary.Findings.Unchanged))),
                ("other", summary.Other)),
            ["sysctls"] = Arr(d.Sysctls.Select(c => Obj(("key", Cell(c.Key)), ("change", c.Change), ("before", Cell(c.Before?.Value)), ("after", Cell(c.After?.Value))))),
            ["listeners"] = Arr(d.Listeners.Select(c => Obj(("subject", Cell(c.Subject)), ("change", c.Change),
                ("before", Number(c.BeforeBacklog)), ("after", Number(c.AfterBacklog)),
                ("process", Cell(string.Join(",", (c.After ?? c.Before!).Processes.Select(p => $"{p.Name}({p.Pid})"))))))),
            ["findings"] = Arr(d.Findings.Select(c => Obj(("change", c.Change), ("rule_id", c.Finding.RuleId), ("subject", Cell(c.Finding.Subject)),
                ("severity", c.Kind == ChangeKind.Changed ? $"{c.Before!.Severity.ToName()} → {c.After!.Severity.ToName()}" : c.Finding.Severity.ToName()),
                ("message", Cell(c.Finding.Message + (c.Finding.Suppression is null ? "" : " (waived)") + (c.Note is null ? "" : $" ({c.Note})")))))),
            ["other"] = Arr(d.Other.Select(c => Obj(("key", Cell(c.Key)), ("change", c.Change), ("before", Cell(c.Before)), ("after", Cell(c.After)),
                ("volatile", c.Volatile)))),
        };
    }

    private static ScriptObject Side(DiffSide s) => Obj(
        ("path", Cell(s.Path)), ("name", Cell(Path.GetFileName(s.Path) is { Length: > 0 } name ? name : s.Path)),
        ("hostname", Cell(s.Hostname) ?? "unknown"), ("kernel", Cell(s.Kernel) ?? "unknown"),
        ("source", Cell($"{s.SourceKind} {s.SourceLocation}")),
        ("captured_at", s.CapturedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unknown";

    /// <summary>Text for a Markdown table cell (never inside a code span): '|', '\\', '`', '&lt;' and '&gt;' backslash-escaped, line breaks and control characters shown as escapes.</summary>
    public static string? Cell(string? text)
    {
        if (text is null)
            return null;
        var b = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '|': b.Append("\\|"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\\' or '`' or '<' or '>': b.Append('\\').Append(ch); break;
                case < ' ' or (>= '\u007f' and <= '\u009f'): b.Append("\\x").Append(((int)ch).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: b.Append(ch); break;
            }
        }
        return b.ToString();
    }

    private static ScriptObject Obj(params (string Key, object? Value)[] members)
    {
        var o = new ScriptObject();
        foreach (var (k, v) in members)
            o[k] = v;
        return o;
    }

    private static ScriptArray Arr(IEnumerable<object> items)
    {
        var a = new ScriptArray();
        foreach (var i in items)
            a.Add(i);
        return a;
    }
}
