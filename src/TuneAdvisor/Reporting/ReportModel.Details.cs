using static TuneAdvisor.Reporting.ScriptValues;
using Scriban.Runtime;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Reporting;

/// <summary>What the HTML report adds to the model: the rules with their outcome counts and help, structured
/// diagnostics, and the combined remediation bundle.</summary>
public static partial class ReportModel
{
    private static void AddDetails(ScriptObject root, AuditReport report)
    {
        var result = report.Analysis;
        var outcomes = result.Outcomes.ToLookup(o => o.RuleId, StringComparer.Ordinal);
        root["rules"] = Arr(result.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).Select(d => Rule(d, outcomes[d.Id], result)));
        root["diagnostic_items"] = Arr(result.Diagnostics.Select(d => (object)Obj(
            ("id", d.Id), ("severity", d.Severity.ToName()), ("location", d.Span.Path.Length > 0 ? d.Span.ToString() : null), ("message", d.Message))));

        var bundle = report.Remediation;
        root["remediation"] = Obj(
            ("has_sysctls", bundle.DropIn.Split('\n').Any(l => l.Length > 0 && l[0] != '#')),
            ("dropin", bundle.DropIn),
            ("dropin_name", TuneAdvisor.Remediation.RemediationBundle.DropInName),
            ("hints", Arr(bundle.Hints.Select(h => (object)h))));
    }

    private static object Rule(RuleDescriptor d, IEnumerable<RuleOutcome> outcomes, AnalysisResult result)
    {
        var list = outcomes.ToArray();
        return Obj(
            ("id", d.Id), ("title", d.Title), ("category", d.Category), ("severity", d.DefaultSeverity.ToName()), ("scope", d.Scope),
            ("path", d.Path), ("help_path", d.HelpPath), ("help_text", d.HelpText),
            ("tags", Arr(d.Tags.Select(t => (object)t))),
            ("references", Arr(d.References.Select(Reference))),
            ("passed", list.Count(o => o.Kind == OutcomeKind.Pass)),
            ("failed", list.Count(o => o.Kind == OutcomeKind.Fail)),
            ("waived", result.Findings.Count(f => f.RuleId == d.Id && f.Suppression is not null)),
            ("not_applicable", list.Count(o => o.Kind == OutcomeKind.NotApplicable)),
            ("not_evaluated", list.Count(o => o.Kind == OutcomeKind.NotEvaluated)));
    }

    /// <summary>A reference as written, plus its URL when it starts with one ("https://… (somaxconn)").</summary>
    private static object Reference(string text)
    {
        string? url = null;
        if (text.StartsWith("https://", StringComparison.Ordinal) || text.StartsWith("http://", StringComparison.Ordinal))
        {
            var end = text.IndexOfAny([' ', '\t']);
            url = end < 0 ? text : text[..end];
        }
        return Obj(("text", text), ("url", url));
    }
}
