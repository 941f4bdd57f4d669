using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Policy;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor;

/// <summary>
/// The whole pipeline in one place:
/// snapshot (from any source) → compile rules → evaluate per scope → findings → policy → result for the writers.
/// </summary>
public static class Advisor
{
    public static string Version { get; } =
        typeof(Advisor).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static AnalysisResult Analyze(SystemSnapshot snapshot, RuleSet rules, AuditPolicy policy, ImmutableArray<Diagnostic> inputDiagnostics, DateTimeOffset now)
    {
        var enabled = rules.Rules.Where(policy.IsEnabled).ToImmutableArray();
        var (findings, outcomes) = RuleEvaluator.Evaluate(enabled, snapshot, policy.OptionOverrides);
        var applied = policy.Apply(findings, now, out var policyDiagnostics);
        return new AnalysisResult
        {
            Snapshot = snapshot,
            Rules = enabled.Select(r => r.Descriptor).ToImmutableArray(),
            Findings = applied,
            Outcomes = outcomes,
            Diagnostics = DiagnosticBag.Sort([.. rules.Diagnostics, .. inputDiagnostics, .. policyDiagnostics]),
            GeneratedAt = now,
            ToolVersion = Version,
        };
    }

    /// <summary>The exit-code question, asked once: does any counted finding reach <paramref name="failOn"/>?</summary>
    public static bool Fails(AnalysisResult result, Severity failOn) =>
        failOn != Severity.None && result.ActiveFindings.Any(f => f.Severity >= failOn);
}
