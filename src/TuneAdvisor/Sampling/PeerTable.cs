using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>
/// Per-remote-address TCP traffic over the window, from per-socket tcp_info byte deltas
/// (bytes_received = in, bytes_acked = out; payload bytes, not wire bytes), of the connections the last sample
/// listed and of those destroyed during the window (each counts as one connection of its peer).
/// </summary>
public static class PeerTable
{
    public static ImmutableArray<PeerTraffic> Build(ImmutableArray<ConnectionInfo> connections, double intervalSeconds) =>
        Build(connections, [], intervalSeconds);

    public static ImmutableArray<PeerTraffic> Build(ImmutableArray<ConnectionInfo> connections, ImmutableArray<ConnectionInfo> closed, double intervalSeconds)
    {
        return connections
            .Where(c => c.Protocol == "tcp" && c.RemoteAddress is not null && c.Info is not null && c.State != "LISTEN")
            .Concat(closed.Where(c => c.Protocol == "tcp" && c.RemoteAddress is not null))
            .GroupBy(c => c.RemoteAddress!, StringComparer.Ordinal)
            .Select(g =>
            {
                // A sum with an unknown part is unknown, never a smaller number.
                long? bytesIn = g.Any(c => c.DeltaBytesReceived is null) ? null : g.Sum(c => c.DeltaBytesReceived!.Value);
                long? bytesOut = g.Any(c => c.DeltaBytesAcked is null) ? null : g.Sum(c => c.DeltaBytesAcked!.Value);
                return new PeerTraffic
                {
                    Remote = g.Key,
                    RemotePorts = g.Select(c => c.RemotePort ?? 0).Distinct().Order().ToImmutableArray(),
                    LocalPorts = g.Select(c => c.LocalPort ?? 0).Distinct().Order().ToImmutableArray(),
                    Connections = g.Count(),
                    BytesIn = bytesIn,
                    BytesOut = bytesOut,
                    BytesInPerSecond = bytesIn is { } i ? Math.Round(i / intervalSeconds, 1) : null,
                    BytesOutPerSecond = bytesOut is { } o ? Math.Round(o / intervalSeconds, 1) : null,
                    Processes = g.SelectMany(c => c.Processes).Select(p => $"{p.Name}({p.Pid})").Distinct().Order(StringComparer.Ordinal).ToImmutableArray(),
                };
            })
            .OrderByDescending(p => (p.BytesIn ?? 0) + (p.BytesOut ?? 0))
            .ThenBy(p => p.Remote, StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
