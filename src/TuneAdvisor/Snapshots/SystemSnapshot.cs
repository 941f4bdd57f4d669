using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// Everything TuneAdvisor knows about one host (or image, or capture), whatever the source.
/// Values that a source cannot tell are <c>null</c> (unknown), never 0.
/// Counter maps hold the value at the last sample; <see cref="Deltas"/> holds last minus first
/// when two samples were taken (<see cref="IntervalSeconds"/> &gt; 0), otherwise it is null.
/// </summary>
public sealed record SystemSnapshot
{
    /// <summary>2: unknown (null) values are left out. 1 wrote them as null; files of both versions load.</summary>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required SnapshotSource Source { get; init; }
    public required HostInfo Host { get; init; }
    public DateTimeOffset CapturedAt { get; init; }
    public double? IntervalSeconds { get; init; }
    public ImmutableSortedDictionary<string, SysctlEntry> Sysctls { get; init; } = ImmutableSortedDictionary<string, SysctlEntry>.Empty.WithComparers(StringComparer.Ordinal);
    public ImmutableArray<ListenerInfo> Listeners { get; init; } = [];
    [JsonConverter(typeof(ConnectionArrayConverter))]
    public ImmutableArray<ConnectionInfo> Connections { get; init; } = [];
    public ImmutableSortedDictionary<string, long> Counters { get; init; } = ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);
    public ImmutableSortedDictionary<string, long>? Deltas { get; init; }
    /// <summary>Where each counter was read (/proc/net/netstat, a capture file), keyed like <see cref="Counters"/>; null when unknown.</summary>
    public ImmutableSortedDictionary<string, string>? CounterSources { get; init; }
    /// <summary>Instantaneous values (not cumulative): sockstat, conntrack count/max, fs.file-nr parts.</summary>
    public ImmutableSortedDictionary<string, long> Gauges { get; init; } = ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);
    public ImmutableArray<InterfaceInfo> Interfaces { get; init; } = [];
    public ImmutableArray<SoftnetCpu> Softnet { get; init; } = [];
    public ImmutableArray<ProcessInfo> Processes { get; init; } = [];
    public ImmutableArray<PeerTraffic> Peers { get; init; } = [];
    /// <summary>
    /// TCP connections destroyed between the two samples, from sock_diag destroy events (capability
    /// <see cref="SnapshotCapability.ClosedConnections"/>), state CLOSE, with their byte deltas over the window
    /// (final counters minus the first sample's, or the whole final counters for a connection born in the window).
    /// <see cref="ConnectionInfo.Info"/> is null: only the final byte counters are kept.
    /// </summary>
    [JsonConverter(typeof(ConnectionArrayConverter))]
    public ImmutableArray<ConnectionInfo> ClosedConnections { get; init; } = [];
    public ImmutableArray<AppListenConfig> AppConfigs { get; init; } = [];
    public ImmutableArray<ConfiguredLimit> Limits { get; init; } = [];
    /// <summary>What went wrong or was noteworthy while building the snapshot (skipped lines, unreadable files).</summary>
    public ImmutableArray<SnapshotNote> Notes { get; init; } = [];

    public bool Has(SnapshotCapability capability) => Source.Capabilities.Contains(capability);
}
