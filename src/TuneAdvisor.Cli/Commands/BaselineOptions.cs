using System.CommandLine;

namespace TuneAdvisor.Cli.Commands;

/// <summary>audit's --baseline and --write-baseline: compare with a committed baseline, and record one.</summary>
internal sealed class BaselineOptions
{
    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Compare with this baseline (written by --write-baseline): each finding is reported as new or unchanged, and baseline findings no longer found as fixed. --fail-on then counts only new findings; unchanged ones stay in the report. A missing or malformed file is exit 2.",
        HelpName = "FILE",
    };

    public Option<string?> Write { get; } = new("--write-baseline")
    {
        Description = "Record this run's findings (all but waived ones, by rule id and subject) as a baseline in FILE, replacing it atomically; commit it and gate later runs with --baseline FILE. The report and exit code are as without it (against --baseline, when also given).",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Baseline);
        command.Options.Add(Write);
    }

    /// <summary>The request with the baseline to compare with and the file to write.</summary>
    public AuditRequest ApplyTo(AuditRequest request, ParseResult parse) => request with
    {
        BaselinePath = parse.GetValue(Baseline),
        WriteBaselinePath = parse.GetValue(Write),
    };
}
