using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Policy;
using TuneAdvisor.Reporting;
using TuneAdvisor.RuleTesting;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources;

namespace TuneAdvisor;

/// <summary>
/// The library's entry point; the whole pipeline reads top to bottom in <see cref="AuditAsync"/>:
/// rules (compile) → policy (file + command line) → snapshot (live or any offline source) → evaluate → apply policy
/// → report (with its remediation bundle). Each stage lives in the folder named after it. Commands fold their options
/// into an <see cref="AuditRequest"/>, hand <see cref="AuditResult.Report"/> to a writer and map the outcome to an
/// exit code; nothing else.
/// </summary>
public static class Advisor
{
    public static string Version { get; } =
        typeof(Advisor).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static async Task<AuditResult> AuditAsync(AuditRequest request, AuditEnvironment environment, IProgress<double>? progress, CancellationToken ct)
    {
        var rules = RuleSet.Load(request.BuiltInRules, request.RulePaths);
        var stages = new StageDiagnostics { Rules = rules.Diagnostics };
        if (rules.HasErrors)
            return new AuditResult { Outcome = AuditOutcome.RulesInvalid, Diagnostics = stages };

        var policyPath = request.PolicyFile ?? (request.DiscoverPolicy ? PolicyDiscovery.Find(environment.WorkingDirectory, environment.Home) : null);
        var (policy, failOn, policyDiagnostics) = LoadPolicy(request, policyPath, rules);
        stages = stages with { Policy = policyDiagnostics };
        if (policy is null)
            return new AuditResult { Outcome = AuditOutcome.PolicyInvalid, Diagnostics = stages, PolicyPath = policyPath };

        var (snapshot, sourceDiagnostics) = await LoadSnapshotAsync(request.Source, environment, progress, ct).ConfigureAwait(false);
        stages = stages with { Source = sourceDiagnostics };
        if (snapshot is null || sourceDiagnostics.Any(d => d.Severity == Severity.Error))
            return new AuditResult { Outcome = AuditOutcome.SourceUnavailable, Diagnostics = stages, PolicyPath = policyPath };

        var (analysis, applied) = Evaluate(snapshot, rules, policy, sourceDiagnostics, environment.Time.GetUtcNow());
        return new AuditResult
        {
            Outcome = AuditOutcome.Completed,
            Report = AuditReport.Of(analysis, failOn, policyPath),
            PolicyPath = policyPath,
            Diagnostics = stages with { Evaluation = applied },
        };
    }

    /// <summary>
    /// The snapshot stage alone (what `collect` runs: no rules are compiled). A null snapshot means the source is
    /// missing, unreadable, unrecognised or empty; the diagnostics say which.
    /// </summary>
    public static Task<(SystemSnapshot? Snapshot, ImmutableArray<Diagnostic> Diagnostics)> LoadSnapshotAsync(
        SnapshotRequest request, AuditEnvironment environment, IProgress<double>? progress, CancellationToken ct) =>
        SnapshotSources.LoadAsync(request, environment.Collection, environment.StandardInput, progress, ct);

    /// <summary>Evaluates compiled rules against a snapshot and applies a policy: the evaluation stage alone.</summary>
    public static AnalysisResult Analyze(SystemSnapshot snapshot, RuleSet rules, AuditPolicy policy, ImmutableArray<Diagnostic> inputDiagnostics, DateTimeOffset now) =>
        Evaluate(snapshot, rules, policy, inputDiagnostics, now).Analysis;

    /// <summary>Runs the test cases beside each rule (`rules test`).</summary>
    public static RuleTestRun TestRules(bool builtIn, IEnumerable<string> paths) => RuleTestRunner.Run(builtIn, paths);

    /// <summary>The policy file at <paramref name="path"/> (named, or discovered), with the command line on top of it.</summary>
    private static (AuditPolicy? Policy, Severity FailOn, ImmutableArray<Diagnostic> Diagnostics) LoadPolicy(AuditRequest request, string? path, RuleSet rules)
    {
        var bag = new DiagnosticBag();
        PolicyFile? file = null;
        if (path is not null && (file = PolicyFile.Load(path, rules, bag)) is null)
            return (null, Severity.Warning, bag.ToImmutableSorted());
        var policy = (file?.Policy ?? AuditPolicy.Default).WithOverrides(request.Disable, request.SeverityOverrides);
        return (policy, request.FailOn ?? file?.FailOn ?? Severity.Warning, bag.ToImmutableSorted());
    }

    private static (AnalysisResult Analysis, ImmutableArray<Diagnostic> Applied) Evaluate(
        SystemSnapshot snapshot, RuleSet rules, AuditPolicy policy, ImmutableArray<Diagnostic> inputDiagnostics, DateTimeOffset now)
    {
        var enabled = rules.Rules.Where(policy.IsEnabled).ToImmutableArray();
        var (findings, outcomes) = RuleEvaluator.Evaluate(enabled, snapshot, policy.OptionOverrides);
        var applied = policy.Apply(findings, now, out var policyDiagnostics);
        var analysis = new AnalysisResult
        {
            Snapshot = snapshot,
            Rules = enabled.Select(r => r.Descriptor).ToImmutableArray(),
            Findings = applied,
            Outcomes = outcomes,
            Diagnostics = DiagnosticBag.Sort([.. rules.Diagnostics, .. inputDiagnostics, .. policyDiagnostics]),
            GeneratedAt = now,
            ToolVersion = Version,
        };
        return (analysis, policyDiagnostics);
    }
}
