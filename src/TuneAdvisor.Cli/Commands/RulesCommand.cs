using System.CommandLine;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Cli.Commands;

/// <summary><c>tuneadvisor rules list|show|check|test</c>: the rule catalog and tools for rule authors.</summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("rules", "List, show, check and test rules; list the policy presets.");
        command.Subcommands.Add(List(stdout, stderr));
        command.Subcommands.Add(Show(stdout, stderr));
        command.Subcommands.Add(Check(stdout, stderr));
        command.Subcommands.Add(RulesTestCommand.Create(stdout, stderr));
        command.Subcommands.Add(Presets(stdout, stderr));
        return command;
    }

    private static Command Presets(TextWriter stdout, TextWriter stderr)
    {
        var format = new Option<string>("--format", "-f") { Description = "text or md.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "md");
        var command = new Command("presets", "List the built-in policy presets (for extends: in a policy file) and every choice each makes, with why.");
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var rules = RuleSet.Load(builtIn: true, []);
            var bag = new Diagnostics.DiagnosticBag();
            var presets = Policy.PolicyPresets.Names
                .Select(name => (name, Policy.PolicyLoader.LoadPreset(name, rules, bag)?.Layers[^1]))
                .Where(p => p.Item2 is not null).Select(p => (p.name, p.Item2!)).ToList();
            Output.Diagnostics(bag.ToImmutableSorted(), stderr);
            stdout.Write(PresetCatalogFormatter.Format(presets, parse.GetValue(format)!));
            return bag.HasErrors ? ExitCodes.InternalError : ExitCodes.Success;
        });
        return command;
    }

    private static Command List(TextWriter stdout, TextWriter stderr)
    {
        var rules = new RuleOptions();
        var format = new Option<string>("--format", "-f") { Description = "text, md or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "md", "json");
        var command = new Command("list", "List the rule catalog: id, severity, category, scope and title.");
        rules.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var set = rules.Load(parse);
            Output.Diagnostics(set.Diagnostics, stderr);
            stdout.Write(RuleCatalogFormatter.Format(set.Rules.Select(r => r.Descriptor), parse.GetValue(format)!));
            return set.HasErrors ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(TextWriter stdout, TextWriter stderr)
    {
        var rules = new RuleOptions();
        var id = new Argument<string>("id") { Description = "The rule id, e.g. TA1001." };
        var command = new Command("show", "Show one rule: its descriptor, condition, options, remediation and help page.");
        command.Arguments.Add(id);
        rules.AddTo(command);
        command.SetAction(parse =>
        {
            var set = rules.Load(parse);
            Output.Diagnostics(set.Diagnostics, stderr);
            var wanted = parse.GetValue(id)!.Trim().ToUpperInvariant();
            var rule = set.Rules.FirstOrDefault(r => r.Id == wanted);
            if (rule is null)
            {
                stderr.WriteLine($"tuneadvisor: no rule '{wanted}'{Diagnostics.DidYouMean.Suggest(wanted, set.Rules.Select(r => r.Id))}");
                return ExitCodes.InvalidInput;
            }
            stdout.Write(RuleCatalogFormatter.Show(rule.Descriptor));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Check(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path") { Description = "Rule files or folders to check (default: the built-in rules).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("check", "Compile rules and print every diagnostic as path(line,col): severity TAnnnn: message. Exit 2 on errors.");
        command.Arguments.Add(paths);
        command.SetAction(parse =>
        {
            var given = parse.GetValue(paths) ?? [];
            var set = RuleSet.Load(builtIn: given.Length == 0, given);
            foreach (var d in set.Diagnostics)
                stdout.WriteLine(Reporting.InertText.Escape(d.ToString()));
            var errors = set.Diagnostics.Count(d => d.Severity == Diagnostics.Severity.Error);
            var warnings = set.Diagnostics.Count(d => d.Severity == Diagnostics.Severity.Warning);
            stdout.WriteLine($"{set.Rules.Length} rule(s) compiled, {errors} error(s), {warnings} warning(s)");
            return errors > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }
}
