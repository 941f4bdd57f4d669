using System.Collections.Immutable;

namespace TuneAdvisor.Snapshots;

/// <summary>One line of /proc/net/softnet_stat. <see cref="Cpu"/> is column 13 when present, else the line index.</summary>
public sealed record SoftnetCpu
{
    public int Cpu { get; init; }
    public long Processed { get; init; }
    public long Dropped { get; init; }
    public long TimeSqueeze { get; init; }
    public long? ReceivedRps { get; init; }
    public long? FlowLimitCount { get; init; }
    public long? BacklogLength { get; init; }
    /// <summary>Last minus first sample (processed, dropped, timeSqueeze, receivedRps, flowLimitCount); null with one sample.</summary>
    public ImmutableSortedDictionary<string, long>? Deltas { get; init; }
}
