namespace TuneAdvisor.Collection.Offline;

/// <summary>One input file (or tree) read into its own sample, before the parts are merged into one snapshot.</summary>
/// <param name="Path">The display path ("sos_commands/networking/ss_-peaonmi").</param>
/// <param name="Kind">The parser's <see cref="IInputParser.Kind"/>, or "proc/sys" for a tree.</param>
public sealed record OfflinePart(string Path, string Kind, SampleBuilder Sample);
