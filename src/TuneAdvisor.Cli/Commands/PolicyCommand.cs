using System.CommandLine;
using TuneAdvisor.Policy;

namespace TuneAdvisor.Cli.Commands;

/// <summary><c>tuneadvisor policy show</c>: the merged policy (presets, selectors, pin, command line) a run would use.</summary>
internal static class PolicyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("policy", "Show the policy an audit would use.");
        command.Subcommands.Add(Show(stdout, stderr));
        return command;
    }

    private static Command Show(TextWriter stdout, TextWriter stderr)
    {
        var rules = new RuleOptions();
        var policy = new PolicyOptions();
        var hostname = new Option<string?>("--hostname") { Description = "Resolve the overrides for this hostname instead of this host's.", HelpName = "NAME" };
        var kernel = new Option<string?>("--kernel") { Description = "Resolve the overrides for this kernel release instead of this host's, e.g. 6.1.0-18-amd64.", HelpName = "RELEASE" };
        var command = new Command("show",
            "Print the merged policy (its presets and extended files, the overrides that apply to the host, the rulesVersion pin, the command line on top) as a policy file, with where each value came from.");
        rules.AddTo(command);
        policy.AddTo(command);
        command.Options.Add(hostname);
        command.Options.Add(kernel);
        command.SetAction(parse =>
        {
            var request = policy.ApplyTo(new AuditRequest { BuiltInRules = rules.BuiltIn(parse), RulePaths = rules.Paths(parse) }, parse);
            var (resolved, path, diagnostics) = Advisor.ResolvePolicy(request, parse.GetValue(hostname), parse.GetValue(kernel), AuditEnvironment.Live(TextReader.Null));
            Output.Diagnostics(diagnostics, stderr);
            if (resolved is null)
                return ExitCodes.InvalidInput;
            stdout.Write(PolicyPrinter.Print(resolved, path));
            return ExitCodes.Success;
        });
        return command;
    }
}
