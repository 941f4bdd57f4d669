using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Drift;

/// <summary>
/// Everything in a snapshot that is not a sysctl setting or a listener's identity and backlog, as flat facts
/// ("host kernel", "interface eth0 mtu", "counter TcpExt.ListenOverflows"), each marked stable or volatile.
/// <para>
/// Stable (always compared): the host's name, kernel, OS release, CPU count, whether it was read as root and in the
/// initial network namespace; the source's kind and capabilities; each interface, its MTU, speed, state and queue
/// length; sysctl.d values on a live host; application backlogs and configured limits.
/// </para>
/// <para>
/// Volatile (compared only with --all): the capture time and sampling window, the boot id, uptime and namespace inode,
/// the source's location and inputs, counters, deltas and gauges, interface and softnet counters, processes (pids, fd
/// counts, limits, command lines), listener queues, drops, uids and owning processes, UDP socket queues, connection
/// counts per protocol and state, per-peer traffic, and the sysctls of <see cref="VolatileSysctls"/>. Notes are left
/// out: they are diagnostics of the reading, printed when the snapshot is loaded.
/// </para>
/// </summary>
public static class SnapshotFacts
{
    public readonly record struct Fact(string Value, bool Volatile);

    public static SortedDictionary<string, Fact> Of(SystemSnapshot s, bool includeVolatile)
    {
        var facts = new SortedDictionary<string, Fact>(StringComparer.Ordinal);
        void Stable(string key, object? value) { if (Text(value) is { } t) facts[key] = new Fact(t, false); }
        void Volatile(string key, object? value) { if (includeVolatile && Text(value) is { } t) facts[key] = new Fact(t, true); }

        Stable("host hostname", s.Host.Hostname);
        Stable("host kernel", s.Host.Kernel);
        Stable("host osRelease", s.Host.OsRelease);
        Stable("host cpuCount", s.Host.CpuCount);
        Stable("host isRoot", s.Host.IsRoot);
        Stable("host isInitialNetworkNamespace", s.Host.IsInitialNetworkNamespace);
        Stable("source kind", s.Source.Kind);
        Stable("source capabilities", string.Join(" ", s.Source.Capabilities));
        foreach (var i in s.Interfaces)
        {
            Stable($"interface {i.Name}", "present");
            Stable($"interface {i.Name} mtu", i.Mtu);
            Stable($"interface {i.Name} speedMbps", i.SpeedMbps);
            Stable($"interface {i.Name} operState", i.OperState);
            Stable($"interface {i.Name} txQueueLen", i.TxQueueLen);
        }
        foreach (var (key, entry) in s.Sysctls)
            if (entry.Configured is { } configured)
                Stable($"sysctl.d {key}", $"{configured.Value} ({configured.Source})");
        foreach (var app in s.AppConfigs)
            Stable(app.Listen.Length > 0 ? $"app {app.App} {app.Listen} backlog" : $"app {app.App} backlog", app.Backlog);
        foreach (var limit in s.Limits)
            Stable($"limit {limit.Scope} {limit.Name}", $"soft {Text(limit.Soft) ?? "unknown"}, hard {Text(limit.Hard) ?? "unknown"}");

        if (!includeVolatile)
            return facts;
        Volatile("capturedAt", s.CapturedAt.ToString("O", CultureInfo.InvariantCulture));
        Volatile("intervalSeconds", s.IntervalSeconds);
        Volatile("host bootId", s.Host.BootId);
        Volatile("host uptimeSeconds", s.Host.UptimeSeconds);
        Volatile("host networkNamespace", s.Host.NetworkNamespace);
        Volatile("source location", s.Source.Location);
        Volatile("source inputs", string.Join(" ", s.Source.Inputs));
        foreach (var (key, entry) in s.Sysctls)
            if (VolatileSysctls.IsVolatile(key))
                Volatile($"sysctl {key}", entry.Value);
        foreach (var (key, value) in s.Counters)
            Volatile($"counter {key}", value);
        foreach (var (key, value) in s.Deltas ?? ImmutableSortedDictionary<string, long>.Empty)
            Volatile($"delta {key}", value);
        foreach (var (key, value) in s.Gauges)
            Volatile($"gauge {key}", value);
        foreach (var i in s.Interfaces)
            InterfaceCounters(i, Volatile);
        foreach (var cpu in s.Softnet)
            SoftnetCounters(cpu, Volatile);
        foreach (var p in s.Processes)
        {
            var name = $"process {p.Name}({p.Pid})";
            Volatile(name, "present");
            Volatile($"{name} commandLine", p.CommandLine);
            Volatile($"{name} fdCount", p.FdCount);
            Volatile($"{name} nofileSoft", p.NofileSoft);
            Volatile($"{name} nofileHard", p.NofileHard);
        }
        foreach (var (_, (name, l)) in ListenerDiffer.Members(s))
        {
            Volatile($"{name} recvQ", l.RecvQ);
            if (l.Protocol == "udp")
                Volatile($"{name} sendQ", l.SendQ);
            Volatile($"{name} drops", l.Drops);
            Volatile($"{name} uid", l.Uid);
            Volatile($"{name} processes", l.Processes.IsDefaultOrEmpty ? null : string.Join(",", l.Processes.Select(p => $"{p.Name}({p.Pid})")));
        }
        foreach (var group in s.Connections.GroupBy(c => (c.Protocol, c.State)))
            Volatile($"connections {group.Key.Protocol} {group.Key.State}", group.Count());
        Volatile("closedConnections", s.ClosedConnections.Length);
        foreach (var p in s.Peers)
        {
            Volatile($"peer {p.Remote} connections", p.Connections);
            Volatile($"peer {p.Remote} bytesIn", p.BytesIn);
            Volatile($"peer {p.Remote} bytesOut", p.BytesOut);
        }
        return facts;
    }

    private static void InterfaceCounters(InterfaceInfo i, Action<string, object?> add)
    {
        var at = $"interface {i.Name} ";
        add(at + "rxBytes", i.RxBytes); add(at + "rxPackets", i.RxPackets); add(at + "rxErrors", i.RxErrors);
        add(at + "rxDropped", i.RxDropped); add(at + "rxFifo", i.RxFifo); add(at + "rxFrame", i.RxFrame);
        add(at + "rxCompressed", i.RxCompressed); add(at + "rxMulticast", i.RxMulticast);
        add(at + "txBytes", i.TxBytes); add(at + "txPackets", i.TxPackets); add(at + "txErrors", i.TxErrors);
        add(at + "txDropped", i.TxDropped); add(at + "txFifo", i.TxFifo); add(at + "txCollisions", i.TxCollisions);
        add(at + "txCarrier", i.TxCarrier); add(at + "txCompressed", i.TxCompressed);
        foreach (var (name, value) in i.Statistics)
            add($"{at}statistics {name}", value);
    }

    private static void SoftnetCounters(SoftnetCpu c, Action<string, object?> add)
    {
        var at = $"cpu {c.Cpu} ";
        add(at + "processed", c.Processed); add(at + "dropped", c.Dropped); add(at + "timeSqueeze", c.TimeSqueeze);
        add(at + "receivedRps", c.ReceivedRps); add(at + "flowLimitCount", c.FlowLimitCount); add(at + "backlogLength", c.BacklogLength);
        add(at + "netRx", c.NetRx); add(at + "netTx", c.NetTx);
    }

    /// <summary>A value as JSON would print it (invariant numbers, lower-case booleans); null for unknown.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
