using System.Collections.Frozen;

namespace TuneAdvisor.Collection;

/// <summary>
/// Which net.* sysctls are host-global. Source: shared/domain-facts.md §2 ([EXP] on 6.18: in a child netns
/// net.core.netdev_max_backlog, default_qdisc, netdev_budget*, tcp_mem, udp_mem, tcp_max_orphans do not exist;
/// rmem_max/wmem_max and nf_conntrack_max are read-only mirrors of the host), completed by diffing
/// `sysctl -a` on the host against `ip netns exec NEW sysctl -a` on kernel 6.18.44 (x86_64) with per-interface
/// directories folded together. Data only: a newer kernel may add keys; a key missing here is treated as per-netns.
/// </summary>
public static class InitNetnsKeys
{
    /// <summary>Keys that exist only in the initial network namespace: a container cannot see or set them.</summary>
    public static readonly FrozenSet<string> InitOnly = FrozenSet.ToFrozenSet(
    [
        "net.core.bpf_jit_enable", "net.core.bpf_jit_harden", "net.core.bpf_jit_kallsyms", "net.core.bpf_jit_limit",
        "net.core.busy_poll", "net.core.busy_read", "net.core.default_qdisc",
        "net.core.dev_weight", "net.core.dev_weight_rx_bias", "net.core.dev_weight_tx_bias",
        "net.core.devconf_inherit_init_net", "net.core.fb_tunnels_only_for_init_net",
        "net.core.flow_limit_cpu_bitmap", "net.core.flow_limit_table_len", "net.core.gro_normal_batch",
        "net.core.high_order_alloc_disable", "net.core.max_skb_frags", "net.core.mem_pcpu_rsv",
        "net.core.message_burst", "net.core.message_cost",
        "net.core.netdev_budget", "net.core.netdev_budget_usecs", "net.core.netdev_max_backlog",
        "net.core.netdev_rss_key", "net.core.netdev_tstamp_prequeue", "net.core.netdev_unregister_timeout_secs",
        "net.core.rps_sock_flow_entries", "net.core.skb_defer_max", "net.core.warnings",
        "net.ipv4.cipso_cache_bucket_size", "net.ipv4.cipso_cache_enable", "net.ipv4.cipso_rbm_optfmt", "net.ipv4.cipso_rbm_strictvalid",
        "net.ipv4.fib_sync_mem", "net.ipv4.inet_peer_maxttl", "net.ipv4.inet_peer_minttl", "net.ipv4.inet_peer_threshold",
        "net.ipv4.ipfrag_secret_interval",
        "net.ipv4.neigh.default.gc_interval", "net.ipv4.neigh.default.gc_thresh1", "net.ipv4.neigh.default.gc_thresh2", "net.ipv4.neigh.default.gc_thresh3",
        "net.ipv4.route.error_burst", "net.ipv4.route.error_cost", "net.ipv4.route.gc_elasticity", "net.ipv4.route.gc_interval",
        "net.ipv4.route.gc_min_interval", "net.ipv4.route.gc_min_interval_ms", "net.ipv4.route.gc_thresh", "net.ipv4.route.gc_timeout",
        "net.ipv4.route.max_size", "net.ipv4.route.redirect_load", "net.ipv4.route.redirect_number", "net.ipv4.route.redirect_silence",
        "net.ipv4.tcp_available_ulp", "net.ipv4.tcp_low_latency", "net.ipv4.tcp_max_orphans", "net.ipv4.tcp_mem", "net.ipv4.udp_mem",
        "net.ipv6.calipso_cache_bucket_size", "net.ipv6.calipso_cache_enable", "net.ipv6.ip6frag_secret_interval",
        "net.ipv6.mld_max_msf", "net.ipv6.mld_qrv",
        "net.ipv6.neigh.default.gc_interval", "net.ipv6.neigh.default.gc_thresh1", "net.ipv6.neigh.default.gc_thresh2", "net.ipv6.neigh.default.gc_thresh3",
        "net.netfilter.nf_log_all_netns", "net.nf_conntrack_max",
    ], StringComparer.Ordinal);

    /// <summary>Keys a child netns can read but not write: they mirror (or are shared with) the host.</summary>
    public static readonly FrozenSet<string> ReadOnlyInChildNetns = FrozenSet.ToFrozenSet(
    [
        "net.core.rmem_default", "net.core.rmem_max", "net.core.wmem_default", "net.core.wmem_max",
        "net.ipv4.tcp_allowed_congestion_control",
        "net.netfilter.nf_conntrack_buckets", "net.netfilter.nf_conntrack_expect_max", "net.netfilter.nf_conntrack_max",
    ], StringComparer.Ordinal);

    /// <summary>
    /// True for a host-global net.* key, false for a per-netns net.* key, null for keys outside net.* (fs.*, kernel.*
    /// are not network-namespaced at all, so the question does not apply).
    /// </summary>
    public static bool? IsInitNetnsOnly(string key) =>
        key.StartsWith("net.", StringComparison.Ordinal) ? InitOnly.Contains(key) : null;
}
