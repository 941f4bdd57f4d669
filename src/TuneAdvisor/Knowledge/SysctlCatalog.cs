using System.Collections.Immutable;

namespace TuneAdvisor.Knowledge;

/// <summary>
/// Sysctl keys rules commonly read, with the kind of value each holds (the rule language types <c>sysctl("…")</c> by it). Keys not listed still work
/// (as String, with a warning and a "did you mean" for likely typos). Sources: Documentation/networking/ip-sysctl.rst.
/// </summary>
public static class SysctlCatalog
{
    public static ImmutableSortedDictionary<string, SysctlValueKind> Types { get; } = new Dictionary<string, SysctlValueKind>
    {
        ["net.core.somaxconn"] = SysctlValueKind.Integer,
        ["net.core.netdev_max_backlog"] = SysctlValueKind.Integer,
        ["net.core.netdev_budget"] = SysctlValueKind.Integer,
        ["net.core.netdev_budget_usecs"] = SysctlValueKind.Integer,
        ["net.core.rmem_max"] = SysctlValueKind.Bytes,
        ["net.core.wmem_max"] = SysctlValueKind.Bytes,
        ["net.core.rmem_default"] = SysctlValueKind.Bytes,
        ["net.core.wmem_default"] = SysctlValueKind.Bytes,
        ["net.core.optmem_max"] = SysctlValueKind.Bytes,
        ["net.core.default_qdisc"] = SysctlValueKind.String,
        ["net.ipv4.tcp_max_syn_backlog"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_syncookies"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_abort_on_overflow"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_synack_retries"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_syn_retries"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_tw_reuse"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_tw_recycle"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_fin_timeout"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_max_tw_buckets"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_max_orphans"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_slow_start_after_idle"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_congestion_control"] = SysctlValueKind.String,
        ["net.ipv4.tcp_available_congestion_control"] = SysctlValueKind.String,
        ["net.ipv4.tcp_rmem"] = SysctlValueKind.IntegerList,
        ["net.ipv4.tcp_wmem"] = SysctlValueKind.IntegerList,
        ["net.ipv4.tcp_mem"] = SysctlValueKind.IntegerList,
        ["net.ipv4.udp_mem"] = SysctlValueKind.IntegerList,
        ["net.ipv4.ip_local_port_range"] = SysctlValueKind.IntegerList,
        ["net.ipv4.ip_local_reserved_ports"] = SysctlValueKind.String,
        ["net.ipv4.tcp_timestamps"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_window_scaling"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_sack"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_keepalive_time"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_keepalive_intvl"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_keepalive_probes"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_notsent_lowat"] = SysctlValueKind.Bytes,
        ["net.ipv4.tcp_fastopen"] = SysctlValueKind.Integer,
        ["net.ipv4.tcp_mtu_probing"] = SysctlValueKind.Integer,
        ["net.ipv4.ip_forward"] = SysctlValueKind.Integer,
        ["net.netfilter.nf_conntrack_max"] = SysctlValueKind.Integer,
        ["net.netfilter.nf_conntrack_count"] = SysctlValueKind.Integer,
        ["net.netfilter.nf_conntrack_buckets"] = SysctlValueKind.Integer,
        ["net.netfilter.nf_conntrack_acct"] = SysctlValueKind.Integer,
        ["net.nf_conntrack_max"] = SysctlValueKind.Integer,
        ["fs.file-max"] = SysctlValueKind.Integer,
        ["fs.file-nr"] = SysctlValueKind.IntegerList,
        ["fs.nr_open"] = SysctlValueKind.Integer,
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Keys that report the running kernel's state, not a setting: no configuration sets them, so an image root cannot
    /// know them and rules reading them are not applicable there.
    /// </summary>
    public static ImmutableSortedSet<string> RuntimeOnly { get; } = ImmutableSortedSet.Create(StringComparer.Ordinal,
        "fs.file-nr", "net.netfilter.nf_conntrack_count");

    /// <summary>Prefixes under which unlisted keys are plausible (no warning is given for them).</summary>
    public static ImmutableArray<string> OpenPrefixes { get; } =
        ["net.ipv4.conf.", "net.ipv6.conf.", "net.ipv4.neigh.", "net.ipv6.neigh.", "net.bridge.", "net.unix.", "net.mptcp.", "net.sctp."];
}
