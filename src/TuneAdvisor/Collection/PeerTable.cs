using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

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
                long bytesIn = g.Sum(c => c.DeltaBytesReceived ?? 0);
                long bytesOut = g.Sum(c => c.DeltaBytesAcked ?? 0);
                return new PeerTraffic
                {
                    Remote = g.Key,
                    RemotePorts = g.Select(c => c.RemotePort ?? 0).Distinct().Order().ToImmutableArray(),
                    LocalPorts = g.Select(c => c.LocalPort ?? 0).Distinct().Order().ToImmutableArray(),
                    Connections = g.Count(),
                    BytesIn = bytesIn,
                    BytesOut = bytesOut,
                    BytesInPerSecond = Math.Round(bytesIn / intervalSeconds, 1),
                    BytesOutPerSecond = Math.Round(bytesOut / intervalSeconds, 1),
                    Processes = g.SelectMany(c => c.Processes).Select(p => $"{p.Name}({p.Pid})").Distinct().Order(StringComparer.Ordinal).ToImmutableArray(),
                };
            })
            .OrderByDescending(p => p.BytesIn + p.BytesOut)
            .ThenBy(p => p.Remote, StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
