using System.Collections.Immutable;
using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Drift;
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
/// rules (compile) → policy (file, its presets, the command line; a rulesVersion pin reloads the released pack)
/// → baseline (read) → snapshot (live or any offline source) → resolve the policy for the snapshot's host (selectors)
/// → evaluate → apply policy → compare with the baseline (and write one) → report (with its remediation bundle). Each
/// stage lives in the folder named after it. Commands fold their options
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
        var (chain, policyDiagnostics) = LoadPolicy(request, policyPath, rules);
        stages = stages with { Policy = policyDiagnostics };
        if (chain is null)
            return new AuditResult { Outcome = AuditOutcome.PolicyInvalid, Diagnostics = stages, PolicyPath = policyPath };
        if (chain.RulesVersion is { } pin)
        {
            rules = RuleSet.Load(request.BuiltInRules, request.RulePaths, pin.Value);
            stages = stages with { Rules = rules.Diagnostics };
            if (rules.HasErrors)
                return new AuditResult { Outcome = AuditOutcome.RulesInvalid, Diagnostics = stages, PolicyPath = policyPath };
        }

        // Read before collecting, so a mistyped --baseline stops the run at once (and F can be read, then rewritten).
        var baselineDiagnostics = new DiagnosticBag();
        var baseline = request.BaselinePath is { } baselinePath ? BaselineReader.Load(baselinePath, baselineDiagnostics) : null;
        stages = stages with { Baseline = baselineDiagnostics.ToImmutableSorted() };
        if (request.BaselinePath is not null && baseline is null)
            return new AuditResult { Outcome = AuditOutcome.BaselineInvalid, Diagnostics = stages, PolicyPath = policyPath };

        var (snapshot, sourceDiagnostics) = await LoadSnapshotAsync(request.Source, environment, progress, ct).ConfigureAwait(false);
        stages = stages with { Source = sourceDiagnostics };
        if (snapshot is null || sourceDiagnostics.Any(d => d.Severity == Severity.Error))
            return new AuditResult { Outcome = AuditOutcome.SourceUnavailable, Diagnostics = stages, PolicyPath = policyPath };

        var policy = PolicyResolver.Resolve(chain, HostFacts.Of(snapshot.Host, request.Tags));
        var now = environment.Time.GetUtcNow();
        var (analysis, applied) = Evaluate(snapshot, rules, policy.Policy, sourceDiagnostics, now);
        BaselineComparison? comparison = null;
        if (baseline is not null)
            (analysis, comparison) = BaselineComparison.Apply(analysis, baseline, request.BaselinePath!);
        var written = request.WriteBaselinePath is { } target ? WriteBaseline(analysis, target, now, baselineDiagnostics) : null;
        return new AuditResult
        {
            Outcome = AuditOutcome.Completed,
            Report = AuditReport.Of(analysis, policy.FailOn?.Value ?? Severity.Warning, policyPath, comparison),
            PolicyPath = policyPath,
            Policy = policy,
            WrittenBaseline = written,
            WrittenBaselinePath = written is null ? null : request.WriteBaselinePath,
            Diagnostics = stages with { Evaluation = applied, Baseline = baselineDiagnostics.ToImmutableSorted() },
        };
    }

    /// <summary>This run's findings as a baseline at <paramref name="path"/> (atomically); null, with TA0353, when it cannot be written.</summary>
    private static BaselineFile? WriteBaseline(AnalysisResult analysis, string path, DateTimeOffset now, DiagnosticBag diagnostics)
    {
        var file = BaselineFile.Of(analysis.Findings, Version, now);
        return BaselineWriter.TryWrite(file, path, diagnostics) ? file : null;
    }

    /// <summary>
    /// The policy a run would use (`policy show`): the file (named or discovered) with its presets and the command line,
    /// resolved for a host: this one (its hostname and kernel release from /proc) unless <paramref name="hostname"/> or
    /// <paramref name="kernel"/> say otherwise, with the request's tags. Null with errors when the policy cannot be used.
    /// </summary>
    public static (ResolvedPolicy? Policy, string? PolicyPath, ImmutableArray<Diagnostic> Diagnostics) ResolvePolicy(
        AuditRequest request, string? hostname, string? kernel, AuditEnvironment environment)
    {
        var live = environment.Collection;
        var host = new HostInfo
        {
            Hostname = hostname ?? Collection.ProcFile.TryReadLine(live.Proc("sys/kernel/hostname")),
            Kernel = kernel ?? Collection.ProcFile.TryReadLine(live.Proc("sys/kernel/osrelease")),
        };
        return ResolvePolicy(request, HostFacts.Of(host, request.Tags), environment);
    }

    private static (ResolvedPolicy? Policy, string? PolicyPath, ImmutableArray<Diagnostic> Diagnostics) ResolvePolicy(
        AuditRequest request, HostFacts host, AuditEnvironment environment)
    {
        var rules = RuleSet.Load(request.BuiltInRules, request.RulePaths);
        if (rules.HasErrors)
            return (null, null, rules.Diagnostics);
        var policyPath = request.PolicyFile ?? (request.DiscoverPolicy ? PolicyDiscovery.Find(environment.WorkingDirectory, environment.Home) : null);
        var (chain, diagnostics) = LoadPolicy(request, policyPath, rules);
        return (chain is null ? null : PolicyResolver.Resolve(chain, host), policyPath, DiagnosticBag.Sort([.. rules.Diagnostics, .. diagnostics]));
    }

    /// <summary>
    /// `diff`: audits two saved snapshots as <see cref="AuditAsync"/> does, with the same rules and policy, and compares
    /// them (<see cref="SnapshotDiffer"/>). The first audit that cannot complete stops the diff with its outcome.
    /// </summary>
    public static async Task<DiffResult> DiffAsync(DiffRequest request, AuditEnvironment environment, CancellationToken ct)
    {
        var before = await AuditAsync(request.Audit with { Source = new SnapshotRequest { SnapshotFile = request.Before } }, environment, null, ct).ConfigureAwait(false);
        if (before.Outcome != AuditOutcome.Completed)
            return new DiffResult { Outcome = before.Outcome, PolicyPath = before.PolicyPath, Diagnostics = before.Diagnostics };
        var after = await AuditAsync(request.Audit with { Source = new SnapshotRequest { SnapshotFile = request.After } }, environment, null, ct).ConfigureAwait(false);
        var result = new DiffResult { Outcome = after.Outcome, PolicyPath = before.PolicyPath, Diagnostics = DiffResult.Merge(before.Diagnostics, after.Diagnostics) };
        if (after.Outcome != AuditOutcome.Completed)
            return result;
        var (a, b) = (before.Report!.Analysis, after.Report!.Analysis);
        return result with
        {
            Diff = SnapshotDiffer.Compare(a, b, DiffSide.Of(request.Before, a.Snapshot), DiffSide.Of(request.After, b.Snapshot), request.IncludeVolatile, before.PolicyPath),
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

    /// <summary>The policy file at <paramref name="path"/> (named, or discovered) with its extends, and the command line on top.</summary>
    private static (PolicyChain? Chain, ImmutableArray<Diagnostic> Diagnostics) LoadPolicy(AuditRequest request, string? path, RuleSet rules)
    {
        var bag = new DiagnosticBag();
        var chain = path is null ? PolicyChain.Empty : PolicyLoader.Load(path, rules, bag);
        var commandLine = PolicyResolver.CommandLine(request.Disable, request.SeverityOverrides, request.FailOn);
        return (chain?.With(commandLine), bag.ToImmutableSorted());
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
