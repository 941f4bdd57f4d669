using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Tests.Reporting;

/// <summary>
/// <see cref="ReportFixtures.Rich"/> compared with a baseline written a month earlier that lacks TA1002 (so it is new),
/// holds the others (unchanged; TA1003 stays waived), one host rule that passes now (fixed) and one that cannot run on
/// this source (not checked): every section a report with a baseline has.
/// </summary>
public static class BaselinedReport
{
    public const string Path = "ci/tuneadvisor-baseline.json";

    public static AuditReport Create()
    {
        var rich = ReportFixtures.Rich();
        var passing = rich.Outcomes.First(o => o.Kind == OutcomeKind.Pass && o.Subject == "host" && o.RuleId != "TA1002");
        var inapplicable = rich.Outcomes.First(o => o.Kind == OutcomeKind.NotApplicable);
        var descriptor = rich.Rules.Single(d => d.Id == passing.RuleId);
        var earlier = BaselineFile.Of(rich.Findings.Where(f => f.RuleId != "TA1002"), "0.0.9", ReportFixture.Now.AddDays(-30));
        var baseline = earlier with
        {
            Findings = [.. earlier.Findings.Append(new BaselineEntry
                {
                    RuleId = passing.RuleId, Subject = "host", Severity = "warning", Category = descriptor.Category, Title = descriptor.Title,
                })
                .Append(new BaselineEntry { RuleId = inapplicable.RuleId, Subject = "host", Severity = "info", Category = "device", Title = "from another source" })
                .OrderBy(e => e.Fingerprint, StringComparer.Ordinal)],
        };
        var (result, comparison) = BaselineComparison.Apply(rich, baseline, Path);
        return AuditReport.Of(result, Severity.Warning, "tuneadvisor.yaml", comparison);
    }
}
