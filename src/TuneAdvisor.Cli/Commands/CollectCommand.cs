using System.CommandLine;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Cli.Commands;

/// <summary><c>tuneadvisor collect</c>: take a snapshot (two samples by default) and save it as versioned JSON.</summary>
internal static class CollectCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var source = new SourceOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Write the snapshot JSON to FILE ('-' or absent: standard output).", HelpName = "FILE" };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON for reading (about 1.7 times larger and slower to write); the default is one compact line." };
        var command = new Command("collect", "Snapshot this host (or read an offline source) and save it as JSON, to audit later with 'audit --snapshot FILE'.\n" +
            "The format is documented by schemas/snapshot.schema.json.");
        source.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(pretty);
        command.SetAction(async (parse, ct) =>
        {
            var request = source.Read(parse);
            using var progress = ProgressBar.ForTerminal(stderr, request.IsLive ? request.Interval : TimeSpan.Zero);
            var (snapshot, diagnostics) = await Advisor.LoadSnapshotAsync(request, AuditEnvironment.Live(stdin), progress, ct);
            progress?.Dispose();
            Output.Diagnostics(diagnostics, stderr);
            if (snapshot is null || Output.HasErrors(diagnostics))
            {
                stderr.WriteLine("tuneadvisor: the input could not be read; no snapshot was written");
                return ExitCodes.SourceUnavailable;
            }
            bool indented = parse.GetValue(pretty);
            return Output.Write(parse.GetValue(output), () => SnapshotJson.Serialize(snapshot, indented), stream => SnapshotJson.Write(snapshot, stream, indented), stdout, stderr)
                ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }
}
