using System.Collections.Immutable;

namespace TuneAdvisor.Snapshots;

/// <summary>Where a snapshot came from and what kinds of data that source can tell at all.</summary>
/// <param name="Kind">live, image, sosreport, raw or snapshot (a saved file of any of them).</param>
/// <param name="Location">The root, folder or file it was read from ("/" for the live host).</param>
/// <param name="Capabilities">What this source can tell; rules needing anything else are "not applicable".</param>
/// <param name="Inputs">Every file or command the snapshot was built from, sorted.</param>
public sealed record SnapshotSource(
    string Kind,
    string Location,
    ImmutableSortedSet<SnapshotCapability> Capabilities,
    ImmutableArray<string> Inputs)
{
    public const string Live = "live";
    public const string Image = "image";
    public const string Sosreport = "sosreport";
    public const string Raw = "raw";
}

/// <summary>Kinds of data a source may or may not provide.</summary>
public enum SnapshotCapability
{
    /// <summary>Effective (running) sysctl values, e.g. /proc/sys or `sysctl -a`.</summary>
    Sysctls,
    /// <summary>Persisted sysctl configuration (sysctl.d) only; effective values are defaults or configuration.</summary>
    ConfiguredSysctls,
    /// <summary>Listening sockets with their accept queue.</summary>
    Listeners,
    /// <summary>Listener backlog limits (Send-Q from sock_diag or ss). Without it a listener's limit is unknown.</summary>
    ListenerBacklog,
    /// <summary>Non-listening sockets (established, TIME-WAIT, ...).</summary>
    Connections,
    /// <summary>tcp_info per connection.</summary>
    TcpInfo,
    /// <summary>Cumulative SNMP/netstat counters.</summary>
    Counters,
    /// <summary>Two samples: deltas and per-second rates.</summary>
    Rates,
    Interfaces,
    Softnet,
    Processes,
    Conntrack,
    /// <summary>Application listen configuration (nginx, redis, haproxy, php-fpm) read from an image.</summary>
    AppConfigs,
    /// <summary>
    /// TCP connections that closed during the window were captured (sock_diag destroy events): they are in
    /// <see cref="SystemSnapshot.ClosedConnections"/> and counted in the peer table. Without it, a connection that
    /// opened and closed between the samples is invisible.
    /// </summary>
    ClosedConnections,
    /// <summary>A kernel log (dmesg, journal, syslog) was read: the counts of messages rules look for, as kernel_log.* gauges.</summary>
    KernelLog,
    /// <summary>/proc/softirqs was read: per-CPU NET_RX/NET_TX softirq counts (<see cref="SoftnetCpu.NetRx"/>, <see cref="SoftnetCpu.NetTx"/>).</summary>
    Softirqs,
}
