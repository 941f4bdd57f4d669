using System.CommandLine;
using TuneAdvisor.Cli.Commands;

namespace TuneAdvisor.Cli;

/// <summary>Builds the command tree and runs it. Usage errors exit 2; unexpected exceptions exit 70 without a stack trace.</summary>
public static class Cli
{
    public static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand(
            "TuneAdvisor: a rule-based Linux network tuning advisor.\n" +
            "Audits a live host, a saved snapshot, a golden-image root, a sosreport or raw ss/netstat/sysctl/nstat captures\n" +
            "against YAML rules, and reports findings with their evidence and fixes.\n\n" +
            "Start with:  tuneadvisor audit            (this host, built-in rules, 10 s sampling window)\n" +
            "             tuneadvisor rules list        (the rule catalog)\n" +
            "             tuneadvisor diff A.json B.json (what changed between two saved snapshots)\n" +
            "             tuneadvisor policy show       (the policy an audit here would use)");
        root.Subcommands.Add(AuditCommand.Create(stdout, stderr, stdin ?? TextReader.Null));
        root.Subcommands.Add(CollectCommand.Create(stdout, stderr, stdin ?? TextReader.Null));
        root.Subcommands.Add(DiffCommand.Create(stdout, stderr, stdin ?? TextReader.Null));
        root.Subcommands.Add(RulesCommand.Create(stdout, stderr));
        root.Subcommands.Add(PolicyCommand.Create(stdout, stderr));
        HelpWithExitCodes.Install(root);
        return root;
    }

    /// <summary>How long a command has, after SIGINT or SIGTERM, to stop by itself before the run ends without it.</summary>
    public static readonly TimeSpan SignalGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs the CLI. Standard output and standard error are guarded (<see cref="TerminalWriter"/>): no control
    /// character but the line break and the tab reaches the terminal raw, whatever a command prints.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        (stdout, stderr) = (TerminalWriter.Guard(stdout), TerminalWriter.Guard(stderr));
        return RunAsync(BuildRoot(stdout, stderr, stdin), args, stdout, stderr);
    }

    /// <summary>Runs <paramref name="root"/> (<see cref="BuildRoot"/>'s tree, or one built on it) with the exit codes of <see cref="ExitCodes"/>.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var signals = new SignalExitCodes();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync("tuneadvisor: " + error.Message);
            await stderr.WriteLineAsync("Run 'tuneadvisor --help' (or 'tuneadvisor <command> --help') for usage.");
            return ExitCodes.InvalidInput;
        }
        try
        {
            // The signals are ours (SignalExitCodes), not System.CommandLine's. The command runs on the thread pool so
            // that one blocked before its first await (reading a pipe that never closes) cannot keep a signal from
            // ending the run: it has a grace period to stop by itself, then the run ends without it.
            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            var invocation = Task.Run(() => parse.InvokeAsync(configuration, signals.Token));
            if (await Task.WhenAny(invocation, signals.AfterSignal(SignalGrace)) != invocation)
                throw new OperationCanceledException(signals.Token);
            return await invocation;
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync("tuneadvisor: " + ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("tuneadvisor: interrupted; nothing more was written");
            return signals.ExitCode;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"tuneadvisor: internal error: {ex.GetType().Name}: {ex.Message}");
            await stderr.WriteLineAsync("This is a bug in TuneAdvisor; please report it with the command line you ran.");
            return ExitCodes.InternalError;
        }
    }
}

/// <summary>A usage problem found after parsing (conflicting options, a bad --severity entry): exit 2 with this message.</summary>
public sealed class UsageException(string message) : Exception(message);
