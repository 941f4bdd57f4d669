using static TuneAdvisor.Reporting.ScriptValues;
using Scriban.Runtime;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Reporting;

/// <summary>
/// Builds the object templates see, as plain ScriptObjects (no reflection over our types, so it works under
/// Native AOT). Names are snake_case, as Scriban templates conventionally use.
/// </summary>
public static partial class ReportModel
{
    public static ScriptObject Build(AuditReport report)
    {
        var result = report.Analysis;
        var s = result.Snapshot;
        var root = new ScriptObject
        {
            ["tool"] = Obj(("name", "TuneAdvisor"), ("version", result.ToolVersion)),
            ["generated_at"] = result.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            ["source"] = Obj(("kind", s.Source.Kind), ("location", s.Source.Location),
                ("capabilities", Arr(s.Source.Capabilities.Select(c => (object)c.ToString()))),
                ("interval", s.IntervalSeconds is { } iv ? Expressions.Runtime.Units.FormatDuration(iv) : null)),
            ["host"] = Obj(("hostname", s.Host.Hostname), ("kernel", s.Host.Kernel), ("os", s.Host.OsRelease),
                ("netns", s.Host.NetworkNamespace), ("is_root", s.Host.IsRoot)),
            ["policy"] = report.PolicyPath,
            ["baseline"] = Baseline(report),
            ["summary"] = Summary(result),
            ["findings"] = Arr(result.Findings.Select(Finding)),
            ["finding_sections"] = Sections(report),
            ["not_evaluated"] = Arr(Outcomes(result, OutcomeKind.NotEvaluated)),
            ["not_applicable"] = Arr(Outcomes(result, OutcomeKind.NotApplicable)),
            ["diagnostics"] = Arr(result.Diagnostics.Select(d => (object)d.ToString())),
            ["notes"] = Arr(s.Notes.Select(n => (object)Obj(("id", n.Id), ("severity", n.Severity), ("message", n.Message), ("location", n.Location)))),
            ["listeners"] = Arr(s.Listeners.Where(l => l.Protocol != "udp").Select(Listener)),
            ["reuseport_groups"] = ReuseportGroups(result),
            ["peers"] = Arr(s.Peers.Take(20).Select(Peer)),
        };
        AddDetails(root, report);
        return root;
    }

    private static ScriptObject Summary(AnalysisResult r) => Obj(
        ("rules", r.Rules.Length),
        ("findings", r.Findings.Length),
        ("errors", r.ActiveFindings.Count(f => f.Severity == Severity.Error)),
        ("warnings", r.ActiveFindings.Count(f => f.Severity == Severity.Warning)),
        ("infos", r.ActiveFindings.Count(f => f.Severity == Severity.Info)),
        ("suppressed", r.Findings.Count(f => f.Suppression is not null)),
        ("unchanged", r.Findings.Count(f => f.Suppression is null && f.Baseline == BaselineState.Unchanged)),
        ("passed", r.Count(OutcomeKind.Pass)),
        ("failed", r.Count(OutcomeKind.Fail)),
        ("not_applicable", r.Count(OutcomeKind.NotApplicable)),
        ("not_evaluated", r.Count(OutcomeKind.NotEvaluated)));

    private static object Finding(Finding f) => Obj(
        ("rule_id", f.RuleId), ("title", f.Title), ("category", f.Category), ("severity", f.Severity.ToName()),
        ("subject", f.Subject), ("message", f.Message), ("help", f.HelpPath), ("rule_path", f.RulePath),
        ("fingerprint", f.Fingerprint),
        ("suppressed", f.Suppression is not null),
        ("baseline_state", f.Baseline?.ToName()),
        ("suppression", f.Suppression is { } sup ? Obj(("kind", sup.Kind), ("justification", sup.Justification)) : null),
        ("evidence", Arr(f.Evidence.Select(e => (object)Obj(("expression", e.Expression), ("value", e.Value), ("source", e.Source))))),
        ("remediation", f.Remediation is { } rem ? Obj(
            ("summary", rem.Summary),
            ("sysctls", Arr(rem.Sysctls.Select(x => (object)Obj(("key", x.Key), ("value", x.Value),
                ("command", "sysctl -w " + TuneAdvisor.Remediation.ShellText.Quote($"{x.Key}={x.Value}")), ("line", $"{x.Key} = {x.Value}"))))),
            ("commands", Arr(rem.Commands.Select(c => (object)c))),
            ("hints", Arr(rem.Hints.Select(h => (object)h)))) : null));

    private static IEnumerable<object> Outcomes(AnalysisResult r, OutcomeKind kind) =>
        r.Outcomes.Where(o => o.Kind == kind).Select(o => (object)Obj(("rule_id", o.RuleId), ("subject", o.Subject), ("reason", o.Reason)));

    private static object Listener(ListenerInfo l) => Obj(
        ("protocol", l.Protocol), ("local", l.Local), ("recv_q", l.RecvQ), ("send_q", l.SendQ),
        ("process", Processes(l.Processes.Select(p => $"{p.Name}({p.Pid})"))));

    private static object Peer(PeerTraffic p) => Obj(
        ("remote", p.Remote), ("connections", p.Connections), ("bytes_in_rate", p.BytesInPerSecond), ("bytes_out_rate", p.BytesOutPerSecond),
        ("process", Processes(p.Processes)));

    /// <summary>
    /// The holders of a socket, or "unknown" when none is known: a holder whose open files could not be read (a run
    /// without root), or a capture without processes. Never an empty cell that reads as "no process".
    /// </summary>
    private static string Processes(IEnumerable<string> names) => string.Join(",", names) is { Length: > 0 } joined ? joined : "unknown";
}
