using TuneAdvisor.Drift;

namespace TuneAdvisor.Cli.Commands;

/// <summary>
/// Where a diff's result goes: diagnostics to standard error (each once), the diff to a file or standard output, the
/// one-line summary; and the exit code, decided here and nowhere else.
/// </summary>
internal sealed record DiffOutput(IDiffWriter Writer, string? Path, bool FailOnChange, TextWriter Stdout, TextWriter Stderr)
{
    public int Deliver(DiffResult result)
    {
        StageOutcome.PolicyLine(result.PolicyPath, Stderr);
        Output.Diagnostics(result.Diagnostics.All, Stderr);
        if (StageOutcome.Stopped(result.Outcome, result.Diagnostics, "compared", "a snapshot", Stderr) is { } stopped)
            return stopped;
        var diff = result.Diff!;
        if (!Output.Write(Path, Writer.Write(diff), Stdout, Stderr))
            return ExitCodes.InvalidInput;
        Stderr.WriteLine(SummaryLine(diff));
        return FailOnChange && diff.HasChanges ? ExitCodes.Findings : ExitCodes.Success;
    }

    public static string SummaryLine(SnapshotDiff d) => d.HasChanges
        ? $"tuneadvisor: {d.Count} difference(s): {d.Sysctls.Length} sysctl(s), {d.Listeners.Length} listener(s), {d.Findings.Length} finding(s), {d.Other.Length} other"
        : "tuneadvisor: no differences" + (d.IncludesVolatile ? "" : " (volatile values not compared)");
}
