using System.Collections.Immutable;
using System.CommandLine;
using TuneAdvisor.Collection;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Policy;
using TuneAdvisor.Remediation;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Cli.Commands;

/// <summary><c>tuneadvisor audit</c>: snapshot → rules → findings → report, with the exit code for CI gates.</summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new SourceOptions();
        var rules = new RuleOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Report format: {string.Join(", ", ReportWriterRegistry.Formats)}.",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong([.. ReportWriterRegistry.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding has at least this severity: error, warning, info, or none (never fail).",
            DefaultValueFactory = _ => "warning",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var disable = new Option<string[]>("--disable") { Description = "Do not run this rule id or category (repeatable).", HelpName = "ID" };
        var remediation = new Option<string?>("--remediation")
        {
            Description = "Also write the remediation bundle into DIR: 90-tuneadvisor.conf (a sysctl.d drop-in), tuneadvisor-apply.sh (a dry run unless --apply) and tuneadvisor-hints.txt.",
            HelpName = "DIR",
        };
        var policyFile = new Option<string?>("--policy")
        {
            Description = "Read a policy file (YAML: failOn, disable, enable, severity, options, waivers with reason and expiry); --fail-on, --disable and --severity given on the command line apply on top of it.",
            HelpName = "FILE",
        };
        var severity = new Option<string[]>("--severity") { Description = "Override a severity: ID=level, CATEGORY=level or all=level; level none disables (repeatable).", HelpName = "ID=LEVEL" };

        var command = new Command("audit", "Audit this host (or an offline source) against the rules and report the findings.\n" +
            "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage error or invalid rules/input.");
        source.AddTo(command);
        rules.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOn);
        command.Options.Add(disable);
        command.Options.Add(severity);
        command.Options.Add(policyFile);
        command.Options.Add(remediation);

        command.SetAction(async (parse, ct) =>
        {
            var request = source.Read(parse);
            var ruleSet = rules.Load(parse);
            PolicyFile? file = null;
            if (parse.GetValue(policyFile) is { } policyPath && !ruleSet.HasErrors)
            {
                var bag = new DiagnosticBag();
                file = PolicyFile.Load(policyPath, ruleSet, bag);
                Output.Diagnostics(bag.ToImmutableSorted(), stderr);
                if (file is null)
                {
                    stderr.WriteLine($"tuneadvisor: the policy file {policyPath} has errors; nothing was audited");
                    return ExitCodes.InvalidInput;
                }
            }
            var failOnGiven = parse.GetResult(failOn) is { Implicit: false };
            var options = new AuditOptions(
                request,
                parse.GetValue(format)!,
                parse.GetValue(output),
                !failOnGiven && file?.FailOn is { } fileFailOn ? fileFailOn
                    : SeverityNames.TryParse(parse.GetValue(failOn), out var f) ? f : Severity.Warning,
                PolicyOptions.Build(file?.Policy ?? AuditPolicy.Default, parse.GetValue(disable) ?? [], parse.GetValue(severity) ?? []),
                parse.GetValue(remediation));
            return await RunAsync(options, ruleSet, stdout, stderr, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(AuditOptions options, Rules.RuleSet ruleSet, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        Output.Diagnostics(ruleSet.Diagnostics, stderr);
        if (ruleSet.HasErrors)
        {
            stderr.WriteLine($"tuneadvisor: {ruleSet.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s) in rule files; nothing was audited");
            return ExitCodes.InvalidInput;
        }
        using var progress = ProgressBar.ForTerminal(stderr, options.Source.IsLive ? options.Source.Interval : TimeSpan.Zero);
        var (snapshot, inputDiagnostics) = await SnapshotProvider.LoadAsync(options.Source, CollectionContext.Live, progress, ct);
        progress?.Dispose();
        Output.Diagnostics(inputDiagnostics, stderr);
        if (snapshot is null || Output.HasErrors(inputDiagnostics))
        {
            stderr.WriteLine("tuneadvisor: the input could not be read; nothing was audited");
            return ExitCodes.InvalidInput;
        }

        var result = Advisor.Analyze(snapshot, ruleSet, options.Policy, inputDiagnostics, TimeProvider.System.GetUtcNow());
        // What the policy itself said (an expired waiver) goes to the CI log too, not only into the report.
        Output.Diagnostics([.. result.Diagnostics.Except(ruleSet.Diagnostics).Except(inputDiagnostics)], stderr);
        var writer = ReportWriterRegistry.Find(options.Format)!;
        if (!Output.Write(options.OutputPath, writer.Write(result), stdout, stderr))
            return ExitCodes.InvalidInput;
        if (options.RemediationDir is { } dir)
        {
            try
            {
                RemediationBundleWriter.Write(RemediationBundle.Build(result), dir);
                stderr.WriteLine($"tuneadvisor: remediation bundle written to {dir}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"tuneadvisor: cannot write the remediation bundle to {dir}: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }
        stderr.WriteLine(Summary.Line(result));
        return Advisor.Fails(result, options.FailOn) ? ExitCodes.Findings : ExitCodes.Success;
    }
}

/// <summary>Everything <c>audit</c> was asked to do, folded from the command line.</summary>
internal sealed record AuditOptions(SnapshotRequest Source, string Format, string? OutputPath, Severity FailOn, AuditPolicy Policy, string? RemediationDir);
