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
        var policy = new PolicyOptions();
        var baseline = new BaselineOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Report format: {string.Join(", ", ReportWriterRegistry.Formats)}.",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong([.. ReportWriterRegistry.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        var remediation = new Option<string?>("--remediation")
        {
            Description = "Also write the remediation bundle into DIR: 90-tuneadvisor.conf (a sysctl.d drop-in), tuneadvisor-apply.sh (a dry run unless --apply) and tuneadvisor-hints.txt.",
            HelpName = "DIR",
        };
        var command = new Command("audit", "Audit this host (or an offline source) against the rules and report the findings.");
        source.AddTo(command);
        rules.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        policy.AddTo(command);
        baseline.AddTo(command);
        command.Options.Add(remediation);

        command.SetAction(async (parse, ct) =>
        {
            var request = policy.ApplyTo(new AuditRequest
            {
                Source = source.Read(parse),
                BuiltInRules = rules.BuiltIn(parse),
                RulePaths = rules.Paths(parse),
            }, parse);
            request = baseline.ApplyTo(request, parse);
            var target = new AuditOutput(ReportWriterRegistry.Find(parse.GetValue(format)!)!, parse.GetValue(output), parse.GetValue(remediation), stdout, stderr);
            using var progress = ProgressBar.ForTerminal(stderr, request.Source.IsLive ? request.Source.Interval : TimeSpan.Zero);
            var result = await Advisor.AuditAsync(request, AuditEnvironment.Live(stdin), progress, ct);
            progress?.Dispose();
            return target.Deliver(result);
        });
        return command;
    }
}
