using System.CommandLine;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Cli.Commands;

/// <summary>
/// <c>tuneadvisor audit</c>: folds the command line into an <see cref="AuditRequest"/>, runs
/// <see cref="Advisor.AuditAsync"/>, and hands the result to <see cref="AuditOutput"/> for the report and the exit code.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
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
        var policyFile = new Option<string?>("--policy", "--config")
        {
            Description = "Read this policy file (YAML: failOn, disable, enable, severity, options, waivers). Without it, tuneadvisor.yaml in the current folder or its parents is read (up to the folder holding .git, $HOME or /). --fail-on, --disable and --severity apply on top of it.",
            HelpName = "FILE",
        };
        var noPolicy = new Option<bool>("--no-policy") { Description = "Read no policy file, not even a tuneadvisor.yaml found in this folder or its parents." };
        var severity = new Option<string[]>("--severity") { Description = "Override a severity: ID=level, CATEGORY=level or all=level; level none disables (repeatable).", HelpName = "ID=LEVEL" };

        var command = new Command("audit", "Audit this host (or an offline source) against the rules and report the findings.\n" + ExitCodes.Table);
        source.AddTo(command);
        rules.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOn);
        command.Options.Add(disable);
        command.Options.Add(severity);
        command.Options.Add(policyFile);
        command.Options.Add(noPolicy);
        command.Options.Add(remediation);

        command.Validators.Add(result =>
        {
            if (result.GetValue(noPolicy) && result.GetValue(policyFile) is not null)
                result.AddError("--no-policy and --policy (--config) cannot be given together");
        });

        command.SetAction(async (parse, ct) =>
        {
            var request = new AuditRequest
            {
                Source = source.Read(parse),
                BuiltInRules = rules.BuiltIn(parse),
                RulePaths = rules.Paths(parse),
                PolicyFile = parse.GetValue(noPolicy) ? null : parse.GetValue(policyFile),
                DiscoverPolicy = !parse.GetValue(noPolicy),
                Disable = [.. parse.GetValue(disable) ?? []],
                SeverityOverrides = SeverityOverrides.Parse(parse.GetValue(severity) ?? []),
                FailOn = parse.GetResult(failOn) is { Implicit: false } && SeverityNames.TryParse(parse.GetValue(failOn), out var gate) ? gate : null,
            };
            var target = new AuditOutput(ReportWriterRegistry.Find(parse.GetValue(format)!)!, parse.GetValue(output), parse.GetValue(remediation), stdout, stderr);
            using var progress = ProgressBar.ForTerminal(stderr, request.Source.IsLive ? request.Source.Interval : TimeSpan.Zero);
            var result = await Advisor.AuditAsync(request, AuditEnvironment.Live(stdin), progress, ct);
            progress?.Dispose();
            return target.Deliver(result);
        });
        return command;
    }
}
