using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Drift;

/// <summary>
/// Compares two audits (each a snapshot with the findings the same rules and policy raised on it), section by section:
/// <see cref="SysctlDiffer"/>, <see cref="ListenerDiffer"/>, <see cref="FindingDiffer"/> and <see cref="FactDiffer"/>.
/// </summary>
public static class SnapshotDiffer
{
    public static SnapshotDiff Compare(AnalysisResult before, AnalysisResult after, DiffSide beforeSide, DiffSide afterSide,
        bool includeVolatile, string? policyPath = null)
    {
        var (findings, unchanged) = FindingDiffer.Compare(before, after);
        return new SnapshotDiff
        {
            Before = beforeSide,
            After = afterSide,
            ToolVersion = after.ToolVersion,
            PolicyPath = policyPath,
            IncludesVolatile = includeVolatile,
            Sysctls = SysctlDiffer.Compare(before.Snapshot.Sysctls, after.Snapshot.Sysctls),
            Listeners = ListenerDiffer.Compare(before.Snapshot, after.Snapshot),
            Findings = findings,
            UnchangedFindings = unchanged,
            Other = FactDiffer.Compare(before.Snapshot, after.Snapshot, includeVolatile),
        };
    }
}
