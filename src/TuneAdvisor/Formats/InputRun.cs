using System.Collections.Immutable;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats;

/// <summary>
/// One run of a command inside a file that holds several (a paste of `date; netstat -s | grep listen` typed twice, or
/// one block per server under a label line such as "server3"), read into its own sample.
/// </summary>
/// <param name="Index">0-based, in file order.</param>
/// <param name="Label">The label line the run stands under (a host's name as the user wrote it), or null.</param>
/// <param name="FirstLine">The 1-based line the run starts at.</param>
/// <param name="Time">When the run was taken, from a `date` line in it; null when there is none or it could not be read.</param>
/// <param name="Headers">The section headers printed in the run ("Tcp", "TcpExt"), in order.</param>
/// <param name="HeaderlessSections">Sections of the counters read from lines pasted without their header, by wording alone.</param>
public sealed record InputRun(int Index, string? Label, int FirstLine, DateTimeOffset? Time, ImmutableArray<string> Headers,
    ImmutableArray<string> HeaderlessSections, SampleBuilder Sample);
