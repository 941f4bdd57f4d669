using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Remediation;

/// <summary>Renders the sysctl.d drop-in (90-tuneadvisor.conf): one commented <c>key = value</c> per planned setting.</summary>
public static class DropInWriter
{
    /// <summary>Subjects listed per request comment before "and N more".</summary>
    public const int MaxSubjectsPerComment = 5;

    public static string Write(AnalysisResult result, ImmutableArray<PlannedSysctl> plan)
    {
        var sb = new StringBuilder();
        foreach (var line in Header(result))
            sb.Append("# ").Append(line).Append('\n');
        if (plan.IsEmpty)
        {
            sb.Append("\n# No sysctl changes were recommended.\n");
            return sb.ToString();
        }
        foreach (var p in plan)
        {
            sb.Append('\n');
            foreach (var comment in RequestComments(p.Requests, showValues: p.DistinctValues.Skip(1).Any()))
                sb.Append("# ").Append(comment).Append('\n');
            if (p.Note is not null)
                sb.Append("# ").Append(ShellText.OneLine(p.Note)).Append('\n');
            if (p.Value is not null)
                sb.Append(p.Key).Append(" = ").Append(p.Value).Append('\n');
            else
                foreach (var v in p.DistinctValues)
                    sb.Append("# ").Append(ShellText.OneLine(p.Key)).Append(" = ").Append(ShellText.OneLine(v)).Append('\n');
        }
        return sb.ToString();
    }

    public static IEnumerable<string> Header(AnalysisResult result)
    {
        var host = result.Snapshot.Host;
        yield return $"{RemediationBundle.DropInName}: sysctl settings recommended by TuneAdvisor {ShellText.OneLine(result.ToolVersion)}";
        yield return ShellText.OneLine($"for {host.Hostname ?? "an unnamed host"} (kernel {host.Kernel ?? "unknown"}), from {result.Snapshot.Source.Kind} {result.Snapshot.Source.Location}, "
            + "generated " + result.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + ".");
        yield return $"Install it as /etc/sysctl.d/{RemediationBundle.DropInName} and load it with `sysctl --system`,";
        yield return $"or run `sh {RemediationBundle.ScriptName} --apply`, which also applies the values now.";
        yield return "Waived and baselined findings are not included. When rules ask for different numbers for one key,";
        yield return "the larger is kept (field by field for multi-value keys), since each rule asks for a minimum.";
    }

    /// <summary>"TA1001 title: subject, subject (and 3 more)" per rule, in rule order; with the values asked for when they differ.</summary>
    public static IEnumerable<string> RequestComments(ImmutableArray<SysctlRequest> requests, bool showValues) =>
        requests.GroupBy(r => (r.RuleId, r.Title))
            .Select(g =>
            {
                var subjects = g.Select(r => r.Subject).Distinct(StringComparer.Ordinal).ToArray();
                var shown = string.Join(", ", subjects.Take(MaxSubjectsPerComment));
                var more = subjects.Length > MaxSubjectsPerComment ? $" (and {subjects.Length - MaxSubjectsPerComment} more)" : "";
                var asks = showValues ? " asks for " + string.Join(" / ", g.Select(r => r.Value).Distinct(StringComparer.Ordinal)) : "";
                return ShellText.OneLine($"{g.Key.RuleId} {g.Key.Title}: {shown}{more}{asks}");
            });
}
