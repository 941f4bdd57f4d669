using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace TuneAdvisor.Cli;

/// <summary>
/// Every command's --help ends with the exit-code table, once: after the usage and options rather than inside each
/// description, where the root's command list would repeat it for every command.
/// </summary>
internal sealed class HelpWithExitCodes(HelpAction inner) : SynchronousCommandLineAction
{
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction inner)
            help.Action = new HelpWithExitCodes(inner);
    }

    /// <summary>As the help action it wraps: `rules show --help` is help, not a missing id.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        int code = inner.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(ExitCodes.Table);
        output.WriteLine();
        return code;
    }
}
