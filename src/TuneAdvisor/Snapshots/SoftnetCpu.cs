using System.Collections.Immutable;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// One CPU's network softirq statistics: its line of /proc/net/softnet_stat and its columns of the NET_RX and NET_TX
/// rows of /proc/softirqs, joined by CPU id. <see cref="Cpu"/> is softnet_stat's column 13 when present, else the line
/// index, or the /proc/softirqs header's CPU id when softnet_stat was not read. A value whose file was not read, or
/// whose column that file lacks, is null (unknown), never 0.
/// </summary>
public sealed record SoftnetCpu
{
    public int Cpu { get; init; }
    public long? Processed { get; init; }
    public long? Dropped { get; init; }
    public long? TimeSqueeze { get; init; }
    public long? ReceivedRps { get; init; }
    public long? FlowLimitCount { get; init; }
    public long? BacklogLength { get; init; }
    /// <summary>NET_RX softirqs handled on this CPU since boot (net_rx_action runs; /proc/softirqs, a u32).</summary>
    public long? NetRx { get; init; }
    /// <summary>NET_TX softirqs handled on this CPU since boot (net_tx_action runs; /proc/softirqs, a u32).</summary>
    public long? NetTx { get; init; }
    /// <summary>Last minus first sample (processed, dropped, timeSqueeze, receivedRps, flowLimitCount, netRx, netTx); null with one sample.</summary>
    public ImmutableSortedDictionary<string, long>? Deltas { get; init; }
}
