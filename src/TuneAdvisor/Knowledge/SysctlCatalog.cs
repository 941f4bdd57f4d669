using System.Collections.Immutable;
using TuneAdvisor.Expressions;

namespace TuneAdvisor.Knowledge;

/// <summary>
/// Sysctl keys rules commonly read, with the type <c>sysctl("…")</c> returns. Keys not listed still work
/// (as String, with a warning and a "did you mean" for likely typos). Sources: Documentation/networking/ip-sysctl.rst.
/// </summary>
public static class SysctlCatalog
{
    public static ImmutableSortedDictionary<string, ExprType> Types { get; } = new Dictionary<string, ExprType>
    {
        ["net.core.somaxconn"] = ExprType.Integer,
        ["net.core.netdev_max_backlog"] = ExprType.Integer,
        ["net.core.netdev_budget"] = ExprType.Integer,
        ["net.core.netdev_budget_usecs"] = ExprType.Integer,
        ["net.core.rmem_max"] = ExprType.Bytes,
        ["net.core.wmem_max"] = ExprType.Bytes,
        ["net.core.rmem_default"] = ExprType.Bytes,
        ["net.core.wmem_default"] = ExprType.Bytes,
        ["net.core.optmem_max"] = ExprType.Bytes,
        ["net.core.default_qdisc"] = ExprType.String,
        ["net.ipv4.tcp_max_syn_backlog"] = ExprType.Integer,
        ["net.ipv4.tcp_syncookies"] = ExprType.Integer,
        ["net.ipv4.tcp_abort_on_overflow"] = ExprType.Integer,
        ["net.ipv4.tcp_synack_retries"] = ExprType.Integer,
        ["net.ipv4.tcp_syn_retries"] = ExprType.Integer,
        ["net.ipv4.tcp_tw_reuse"] = ExprType.Integer,
        ["net.ipv4.tcp_tw_recycle"] = ExprType.Integer,
        ["net.ipv4.tcp_fin_timeout"] = ExprType.Integer,
        ["net.ipv4.tcp_max_tw_buckets"] = ExprType.Integer,
        ["net.ipv4.tcp_max_orphans"] = ExprType.Integer,
        ["net.ipv4.tcp_slow_start_after_idle"] = ExprType.Integer,
        ["net.ipv4.tcp_congestion_control"] = ExprType.String,
        ["net.ipv4.tcp_available_congestion_control"] = ExprType.String,
        ["net.ipv4.tcp_rmem"] = ExprType.IntegerList,
        ["net.ipv4.tcp_wmem"] = ExprType.IntegerList,
        ["net.ipv4.tcp_mem"] = ExprType.IntegerList,
        ["net.ipv4.udp_mem"] = ExprType.IntegerList,
        ["net.ipv4.ip_local_port_range"] = ExprType.IntegerList,
        ["net.ipv4.ip_local_reserved_ports"] = ExprType.String,
        ["net.ipv4.tcp_timestamps"] = ExprType.Integer,
        ["net.ipv4.tcp_window_scaling"] = ExprType.Integer,
        ["net.ipv4.tcp_sack"] = ExprType.Integer,
        ["net.ipv4.tcp_keepalive_time"] = ExprType.Integer,
        ["net.ipv4.tcp_keepalive_intvl"] = ExprType.Integer,
        ["net.ipv4.tcp_keepalive_probes"] = ExprType.Integer,
        ["net.ipv4.tcp_notsent_lowat"] = ExprType.Bytes,
        ["net.ipv4.tcp_fastopen"] = ExprType.Integer,
        ["net.ipv4.tcp_mtu_probing"] = ExprType.Integer,
        ["net.ipv4.ip_forward"] = ExprType.Integer,
        ["net.netfilter.nf_conntrack_max"] = ExprType.Integer,
        ["net.netfilter.nf_conntrack_count"] = ExprType.Integer,
        ["net.netfilter.nf_conntrack_buckets"] = ExprType.Integer,
        ["net.netfilter.nf_conntrack_acct"] = ExprType.Integer,
        ["net.nf_conntrack_max"] = ExprType.Integer,
        ["fs.file-max"] = ExprType.Integer,
        ["fs.file-nr"] = ExprType.IntegerList,
        ["fs.nr_open"] = ExprType.Integer,
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
