using static TuneAdvisor.Reporting.ScriptValues;
using Scriban.Runtime;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Reporting;

/// <summary>
/// Listeners that share one protocol and local address (an SO_REUSEPORT group) are judged one by one, so a full
/// socket in a group of four is one finding among four subjects ("listener tcp 0.0.0.0:8443 #3"). The report puts the
/// group back together so a reader sees "4 sockets on tcp 0.0.0.0:8443, 1 of them with findings: #3 TA1002 error".
/// </summary>
public static partial class ReportModel
{
    private static ScriptArray ReuseportGroups(AnalysisResult result)
    {
        var groups = new ScriptArray();
        foreach (var group in result.Snapshot.Listeners.Where(l => l.Protocol != "unix")
                     .GroupBy(l => (l.Protocol, l.Local)).Where(g => g.Count() > 1)
                     .OrderBy(g => g.Key.Protocol, StringComparer.Ordinal).ThenBy(g => g.Key.Local, StringComparer.Ordinal))
        {
            var prefix = $"listener {group.Key.Protocol} {group.Key.Local} #";
            var members = result.ActiveFindings.Where(f => f.Subject.StartsWith(prefix, StringComparison.Ordinal))
                .GroupBy(f => f.Subject[prefix.Length..])
                .OrderBy(g => int.TryParse(g.Key, out var n) ? n : int.MaxValue)
                .Select(g => (object)Obj(("member", "#" + g.Key),
                    ("findings", string.Join(", ", g.OrderBy(f => f.RuleId, StringComparer.Ordinal).Select(f => $"{f.RuleId} {f.Severity.ToName()}")))))
                .ToList();
            groups.Add(Obj(("protocol", group.Key.Protocol), ("local", group.Key.Local), ("sockets", group.Count()),
                ("with_findings", members.Count), ("members", Arr(members)),
                ("processes", string.Join(",", group.SelectMany(l => l.Processes).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal)))));
        }
        return groups;
    }
}
