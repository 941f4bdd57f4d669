using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Sources.Captures;

/// <summary>One input file (or tree, or one labelled block of a file) read into its own sample, before the parts of a
/// host are merged into one snapshot.</summary>
/// <param name="Path">The display path ("sos_commands/networking/ss_-peaonmi").</param>
/// <param name="Kind">The parser's <see cref="IInputParser.Kind"/>, or "proc/sys" for a tree.</param>
/// <param name="Group">Which input the part came in: the file named on the command line, or the first folder level
/// under a folder named there ("" for files directly in it). Captures of several hosts are told apart by it.</param>
/// <param name="Label">The label line of the block the part was read from ("server3"), or null.</param>
/// <param name="First">The first of several timed runs in the file, when <paramref name="Sample"/> is the last: the two
/// make a two-sample capture.</param>
public sealed record OfflinePart(string Path, string Kind, SampleBuilder Sample, string Group = "", string? Label = null, SampleBuilder? First = null)
{
    /// <summary>Whether the part holds anything beyond notes.</summary>
    public bool HasData =>
        Sample.Counters.Count > 0 || Sample.CounterDeltas.Count > 0 || Sample.Sysctls.Count > 0 || Sample.Listeners.Count > 0
        || Sample.Connections.Count > 0 || Sample.Gauges.Count > 0 || Sample.Interfaces.Count > 0 || Sample.Softnet.Count > 0 || Sample.Softirqs.Count > 0
        || Sample.Processes.Count > 0 || Sample.Host.Hostname is not null || Sample.Host.Kernel is not null;
}
