using System.Collections.Immutable;

namespace TuneAdvisor.Snapshots;

/// <summary>TCP traffic with one remote address over the sampling window, like `iftop -n -P` but per process.</summary>
public sealed record PeerTraffic
{
    public required string Remote { get; init; }
    public ImmutableArray<int> RemotePorts { get; init; } = [];
    public ImmutableArray<int> LocalPorts { get; init; } = [];
    public int Connections { get; init; }
    /// <summary>Null (unknown) when any of the peer's connections has no byte delta, e.g. a kernel without bytes_acked.</summary>
    public long? BytesIn { get; init; }
    public long? BytesOut { get; init; }
    public double? BytesInPerSecond { get; init; }
    public double? BytesOutPerSecond { get; init; }
    public ImmutableArray<string> Processes { get; init; } = [];
}
