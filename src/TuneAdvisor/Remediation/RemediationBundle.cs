using System.Collections.Immutable;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Remediation;

/// <summary>
/// The fixes of an audit, ready to review and apply: a sysctl.d drop-in, a POSIX sh script that applies it safely
/// (dry run unless --apply, backup first), and the steps no script should take for you (commands, application hints).
/// Built from the active findings only: waived and baselined findings are not remediated.
/// </summary>
public sealed record RemediationBundle(string DropIn, string Script, ImmutableArray<string> Hints)
{
    public const string DropInName = "90-tuneadvisor.conf";
    public const string ScriptName = "tuneadvisor-apply.sh";
    public const string HintsName = "tuneadvisor-hints.txt";

    public static RemediationBundle Build(AnalysisResult result)
    {
        var active = result.ActiveFindings.ToImmutableArray();
        var plan = SysctlPlan.From(active);
        var hints = RemediationHints.From(active, plan);
        return new RemediationBundle(DropInWriter.Write(result, plan), ApplyScriptWriter.Write(result, plan, hints), hints);
    }
}
