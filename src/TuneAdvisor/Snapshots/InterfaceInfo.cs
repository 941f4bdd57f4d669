using System.Collections.Immutable;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// A network interface's counters at the last sample (from /proc/net/dev, or /sys/class/net/IF/statistics),
/// and its link facts. RxDropped is /proc/net/dev's "drop" (rx_dropped + rx_missed_errors).
/// <see cref="SpeedMbps"/> is null when the link is down or the driver does not report it (-1).
/// </summary>
public sealed record InterfaceInfo
{
    public required string Name { get; init; }
    public long? RxBytes { get; init; }
    public long? RxPackets { get; init; }
    public long? RxErrors { get; init; }
    public long? RxDropped { get; init; }
    public long? RxFifo { get; init; }
    public long? RxFrame { get; init; }
    public long? RxCompressed { get; init; }
    public long? RxMulticast { get; init; }
    public long? TxBytes { get; init; }
    public long? TxPackets { get; init; }
    public long? TxErrors { get; init; }
    public long? TxDropped { get; init; }
    public long? TxFifo { get; init; }
    public long? TxCollisions { get; init; }
    public long? TxCarrier { get; init; }
    public long? TxCompressed { get; init; }
    public long? SpeedMbps { get; init; }
    public int? Mtu { get; init; }
    public string? OperState { get; init; }
    public long? TxQueueLen { get; init; }
    /// <summary>Every file of /sys/class/net/IF/statistics, by file name (rx_missed_errors, rx_crc_errors, ...).</summary>
    public ImmutableSortedDictionary<string, long> Statistics { get; init; } = ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);
    /// <summary>Last minus first sample, keyed by the JSON field names (rxBytes, ...) and statistics file names; null with one sample.</summary>
    public ImmutableSortedDictionary<string, long>? Deltas { get; init; }
    public string Source { get; init; } = "";
}
