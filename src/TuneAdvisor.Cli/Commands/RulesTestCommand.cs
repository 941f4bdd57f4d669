using System.CommandLine;

namespace TuneAdvisor.Cli.Commands;

/// <summary><c>tuneadvisor rules test</c>: runs each rule's test cases (the *.tests.yaml file beside the rule).</summary>
internal static class RulesTestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path") { Description = "Rule files or folders whose cases to run (default: the built-in rules).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("test", "Run rule test cases: each <rule>.tests.yaml beside a rule gives snapshot fragments and the findings expected (or none).");
        command.Arguments.Add(paths);
        command.SetAction(parse =>
        {
            var given = parse.GetValue(paths) ?? [];
            var run = Advisor.TestRules(builtIn: given.Length == 0, given);
            Output.Diagnostics(run.Diagnostics, stderr);
            foreach (var line in run.Lines)
                stdout.WriteLine(Reporting.InertText.Escape(line));
            stdout.WriteLine($"{run.Passed} passed, {run.Failed} failed");
            return run.Diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error) ? ExitCodes.InvalidInput
                : run.Failed > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
