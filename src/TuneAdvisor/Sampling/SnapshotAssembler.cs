using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>
/// Turns one or two samples into an immutable <see cref="SystemSnapshot"/>: the last sample's values, and with two
/// samples the deltas of every counter, interface and per-CPU column (softnet_stat's, and the NET_RX/NET_TX softirq
/// counts joined onto them by <see cref="SoftirqJoin"/>), per-socket byte deltas keyed by socket
/// cookie (also of the connections destroyed in the window, when the last sample carries a
/// <see cref="TcpDestroyCapture"/>), and the per-peer traffic table. Everything is sorted so output is byte-stable.
/// </summary>
public static class SnapshotAssembler
{
    public static SystemSnapshot Assemble(string kind, string location, SampleBuilder? first, SampleBuilder last)
    {
        var interval = first is null ? last.DeltaIntervalSeconds : (last.TakenAt - first.TakenAt).TotalSeconds;
        var before = first is null ? null : ByCookie(first.Connections);
        var connections = SortConnections(before is null ? last.Connections : WithByteDeltas(before, last.Connections));
        var closed = before is null || last.Destroyed is null ? []
            : SortConnections(ClosedConnectionTable.Build(before, last.Connections, last.Destroyed));
        var capabilities = last.Capabilities.ToImmutableSortedSet();
        if (first is not null || last.CounterDeltas.Count > 0)
            capabilities = capabilities.Add(SnapshotCapability.Rates);

        return new SystemSnapshot
        {
            Source = new SnapshotSource(kind, location, capabilities, [.. last.Inputs]),
            Host = last.Host,
            CapturedAt = first?.TakenAt ?? last.TakenAt,
            IntervalSeconds = interval,
            Sysctls = last.Sysctls.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Listeners = SortListeners(last.Listeners),
            Connections = connections,
            Counters = last.Counters.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Deltas = first is not null ? Deltas(first.Counters, last.Counters)
                : last.CounterDeltas.Count > 0 ? last.CounterDeltas.ToImmutableSortedDictionary(StringComparer.Ordinal) : null,
            Gauges = last.Gauges.ToImmutableSortedDictionary(StringComparer.Ordinal),
            CounterSources = last.CounterSources.Count > 0 ? last.CounterSources.ToImmutableSortedDictionary(StringComparer.Ordinal) : null,
            Interfaces = InterfaceDeltas(first?.Interfaces, last.Interfaces),
            Softnet = SoftnetDeltas(first is null ? null : SoftirqJoin.Join(first.Softnet, first.Softirqs), SoftirqJoin.Join(last.Softnet, last.Softirqs)),
            Processes = last.Processes.Values.OrderBy(p => p.Pid).ToImmutableArray(),
            Peers = first is null || interval is not > 0 ? [] : PeerTable.Build(connections, closed, interval.Value),
            ClosedConnections = closed,
            AppConfigs = last.AppConfigs.OrderBy(a => a.App, StringComparer.Ordinal).ThenBy(a => a.Source, StringComparer.Ordinal).ToImmutableArray(),
            Limits = last.Limits.OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Scope, StringComparer.Ordinal).ToImmutableArray(),
            Notes = first is null ? last.SortedNotes() : MergeNotes(first, last),
        };
    }

    /// <summary>Last minus first for every key present in both samples (a counter that appeared later has no delta).</summary>
    public static ImmutableSortedDictionary<string, long> Deltas(IReadOnlyDictionary<string, long> first, IReadOnlyDictionary<string, long> last)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in last)
            if (first.TryGetValue(key, out var before))
                builder[key] = value - before;
        return builder.ToImmutable();
    }

    private static ImmutableArray<SnapshotNote> MergeNotes(SampleBuilder first, SampleBuilder last)
    {
        var merged = new SampleBuilder(last.TakenAt);
        merged.Notes.AddRange(first.Notes);
        merged.Notes.AddRange(last.Notes);
        return merged.SortedNotes();
    }

    private static ImmutableArray<ListenerInfo> SortListeners(IEnumerable<ListenerInfo> listeners) =>
        listeners
            .OrderBy(l => l.Protocol, StringComparer.Ordinal)
            .ThenBy(l => l.Port ?? -1)
            .ThenBy(l => l.Local, StringComparer.Ordinal)
            .ThenBy(l => l.Inode ?? 0)
            .ThenBy(l => l.Cookie ?? 0)
            .ToImmutableArray();

    /// <summary>
    /// By protocol, local, remote, state and cookie, ties kept in collection order: one comparison per pair on the
    /// fields themselves (100 000 sockets: no key arrays per level as OrderBy/ThenBy builds), on two CPUs when large.
    /// </summary>
    private static ImmutableArray<ConnectionInfo> SortConnections(IEnumerable<ConnectionInfo> connections)
    {
        var items = connections.ToArray();
        var order = ParallelSort.Order(items.Length, (a, b) =>
        {
            ConnectionInfo x = items[a], y = items[b];
            int c = string.CompareOrdinal(x.Protocol, y.Protocol);
            if (c == 0) c = string.CompareOrdinal(x.Local, y.Local);
            if (c == 0) c = string.CompareOrdinal(x.Remote, y.Remote);
            if (c == 0) c = string.CompareOrdinal(x.State, y.State);
            if (c == 0) c = (x.Cookie ?? 0).CompareTo(y.Cookie ?? 0);
            return c;
        });
        var sorted = ImmutableArray.CreateBuilder<ConnectionInfo>(items.Length);
        foreach (var i in order)
            sorted.Add(items[i]);
        return sorted.MoveToImmutable();
    }

    private static Dictionary<ulong, ConnectionInfo> ByCookie(List<ConnectionInfo> connections)
    {
        var byCookie = new Dictionary<ulong, ConnectionInfo>(connections.Count);
        foreach (var c in connections)
            if (c.Cookie is { } cookie)
                byCookie[cookie] = c;
        return byCookie;
    }

    private static IEnumerable<ConnectionInfo> WithByteDeltas(Dictionary<ulong, ConnectionInfo> before, List<ConnectionInfo> last)
    {
        foreach (var c in last)
        {
            if (c.Info is null)
            {
                yield return c;
                continue;
            }
            // A connection that opened during the window counts from zero.
            var old = c.Cookie is { } cookie && before.TryGetValue(cookie, out var o) ? o.Info : null;
            yield return c with
            {
                DeltaBytesAcked = Diff(c.Info.BytesAcked, old is null ? 0UL : old.BytesAcked),
                DeltaBytesReceived = Diff(c.Info.BytesReceived, old is null ? 0UL : old.BytesReceived),
            };
        }
    }

    /// <summary>A counter's growth between two readings; unknown when either is unknown or the counter went back.</summary>
    internal static long? Diff(ulong? now, ulong? then) =>
        now is { } n && then is { } t && n >= t ? (long)(n - t) : null;

    private static ImmutableArray<InterfaceInfo> InterfaceDeltas(List<InterfaceInfo>? first, List<InterfaceInfo> last)
    {
        var before = first?.ToDictionary(i => i.Name, StringComparer.Ordinal);
        return last
            .Select(i => before is not null && before.TryGetValue(i.Name, out var old)
                ? i with { Deltas = Deltas(InterfaceFields.Numeric(old), InterfaceFields.Numeric(i)) }
                : i)
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static ImmutableArray<SoftnetCpu> SoftnetDeltas(List<SoftnetCpu>? first, List<SoftnetCpu> last)
    {
        var before = first?.GroupBy(c => c.Cpu).ToDictionary(g => g.Key, g => g.First());
        return last
            .Select(c => before is not null && before.TryGetValue(c.Cpu, out var old)
                ? c with { Deltas = UnwrapU32(Deltas(SoftnetFields.Numeric(old), SoftnetFields.Numeric(c))) }
                : c)
            .OrderBy(c => c.Cpu)
            .ToImmutableArray();
    }

    /// <summary>
    /// softnet_stat columns are u32 (printed %08x), and so are /proc/softirqs counts (unsigned int, printed %10u): a
    /// negative difference is one wrap past 2^32.
    /// </summary>
    private static ImmutableSortedDictionary<string, long> UnwrapU32(ImmutableSortedDictionary<string, long> deltas)
    {
        foreach (var (key, value) in deltas)
            if (value < 0)
                deltas = deltas.SetItem(key, value + (1L << 32));
        return deltas;
    }
}
