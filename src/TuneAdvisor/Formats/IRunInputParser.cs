using System.Collections.Immutable;

namespace TuneAdvisor.Formats;

/// <summary>
/// A parser whose input may hold several runs of its command (over time, or of several hosts under label lines).
/// <see cref="IInputParser.Parse"/> reads one sample from such a file (the last run, with a note); readers that can
/// use more than one sample ask for the runs.
/// </summary>
public interface IRunInputParser : IInputParser
{
    /// <summary>The runs in file order; a file with one run gives one. Never throws.</summary>
    ImmutableArray<InputRun> ParseRuns(string text, string path, DateTimeOffset takenAt);
}
