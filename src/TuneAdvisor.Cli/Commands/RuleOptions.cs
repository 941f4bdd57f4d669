using System.CommandLine;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Cli.Commands;

/// <summary>The options that choose which rules load; shared by audit and the rules verbs.</summary>
internal sealed class RuleOptions
{
    public Option<string[]> Rules { get; } = new("--rules", "-r") { Description = "Also load rules from this folder or file (repeatable). Built-in rules are always included unless --no-builtin-rules.", HelpName = "DIR" };
    public Option<bool> NoBuiltIn { get; } = new("--no-builtin-rules") { Description = "Do not load the rules built into TuneAdvisor." };

    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(NoBuiltIn);
    }

    public bool BuiltIn(ParseResult parse) => !parse.GetValue(NoBuiltIn);

    public System.Collections.Immutable.ImmutableArray<string> Paths(ParseResult parse) => [.. parse.GetValue(Rules) ?? []];

    public RuleSet Load(ParseResult parse, IEnumerable<string>? extraPaths = null) =>
        RuleSet.Load(!parse.GetValue(NoBuiltIn), [.. parse.GetValue(Rules) ?? [], .. extraPaths ?? []]);
}
