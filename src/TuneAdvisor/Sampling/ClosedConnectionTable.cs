using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>
/// Turns the destroy events of a window into <see cref="ConnectionInfo"/> records with byte deltas, keyed by socket
/// cookie against the two samples:
/// <list type="bullet">
/// <item>listed by the first sample: final counters minus the first sample's; its processes, inode and uid come from
/// the first sample (a destroyed socket has no inode left to map);</item>
/// <item>not listed by the first sample and arrived after it was complete: born in the window, the whole final
/// counters; processes unknown;</item>
/// <item>not listed and arrived before the first sample was complete: closed before the window opened, dropped;</item>
/// <item>still listed with tcp_info by the last sample (its event raced the last dump): dropped, since the last sample
/// already counts it;</item>
/// <item>a cookie seen twice: the first event is kept.</item>
/// </list>
/// </summary>
public static class ClosedConnectionTable
{
    public const string Source = "sock_diag destroy";

    /// <param name="before">The first sample's connections by socket cookie (<see cref="SnapshotAssembler"/> builds it once).</param>
    public static ImmutableArray<ConnectionInfo> Build(IReadOnlyDictionary<ulong, ConnectionInfo> before, IReadOnlyList<ConnectionInfo> last, TcpDestroyCapture capture)
    {
        var alive = new HashSet<ulong>();
        foreach (var c in last)
            if (c.Cookie is { } cookie && c.Info is not null)
                alive.Add(cookie);

        var seen = new HashSet<ulong>();
        var closed = ImmutableArray.CreateBuilder<ConnectionInfo>();
        for (int i = 0; i < capture.Sockets.Length; i++)
        {
            var e = capture.Sockets[i];
            ulong cookie = e.Socket.Cookie;
            if (alive.Contains(cookie) || !seen.Add(cookie))
                continue;
            bool known = before.TryGetValue(cookie, out var old);
            if (!known && i < capture.FirstSampleMark)
                continue;
            var record = SockDiagRecords.Connection(e.Socket, known ? old!.Processes : []);
            closed.Add(record with
            {
                Inode = known ? old!.Inode : null,
                Uid = e.Socket.Uid,
                Timer = null,
                // A baseline the first sample could not read stays unknown, and so does the delta.
                DeltaBytesAcked = SnapshotAssembler.Diff(e.BytesAcked, known ? old!.Info?.BytesAcked : 0),
                DeltaBytesReceived = SnapshotAssembler.Diff(e.BytesReceived, known ? old!.Info?.BytesReceived : 0),
                Source = Source,
            });
        }
        return closed.ToImmutable();
    }
}
