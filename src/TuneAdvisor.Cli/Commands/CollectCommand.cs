using System.CommandLine;
using TuneAdvisor.Collection;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Cli.Commands;

/// <summary><c>tuneadvisor collect</c>: take a snapshot (two samples by default) and save it as versioned JSON.</summary>
internal static class CollectCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new SourceOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Write the snapshot JSON to FILE ('-' or absent: standard output).", HelpName = "FILE" };
        var command = new Command("collect", "Snapshot this host (or read an offline source) and save it as JSON, to audit later with 'audit --snapshot FILE'.\n" +
            "The format is documented by schemas/snapshot.schema.json.");
        source.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var request = source.Read(parse);
            using var progress = ProgressBar.ForTerminal(stderr, request.IsLive ? request.Interval : TimeSpan.Zero);
            var (snapshot, diagnostics) = await SnapshotProvider.LoadAsync(request, CollectionContext.Live, progress, ct);
            progress?.Dispose();
            Output.Diagnostics(diagnostics, stderr);
            if (snapshot is null || Output.HasErrors(diagnostics))
            {
                stderr.WriteLine("tuneadvisor: the input could not be read; no snapshot was written");
                return ExitCodes.InvalidInput;
            }
            return Output.Write(parse.GetValue(output), () => SnapshotJson.Serialize(snapshot), stream => SnapshotJson.Write(snapshot, stream), stdout, stderr)
                ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }
}
