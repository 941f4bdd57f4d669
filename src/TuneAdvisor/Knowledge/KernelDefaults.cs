using System.Collections.Immutable;

namespace TuneAdvisor.Knowledge;

/// <summary>
/// Compiled-in sysctl defaults by kernel version, for sources that cannot read /proc/sys (a golden image): a key
/// the configuration does not set has the default of the image's kernel. Only facts that hold on every build of
/// that version are listed; defaults derived from RAM or from the build configuration are in
/// <see cref="UnknownOffline"/> and stay unknown. Facts: domain-facts §2, §6 (rules 1, 21–29), §7, and
/// Documentation/networking/ip-sysctl.rst ("D-ip") for the long-stable values.
/// </summary>
public static class KernelDefaults
{
    private const string RamPermitting = "RAM permitting: the max is capped at 1/128 of buffer memory";

    public static ImmutableArray<KernelDefault> Table { get; } =
    [
        Changed("net.core.somaxconn", "19f92a030ca6 (5.4); D-ip §somaxconn \"Was 128 before linux-5.4\"", ("128", "5.4"), ("4096", null)),
        new("net.ipv4.tcp_rmem",
        [
            new(null, V("4.20"), "4096 87380 6291456", RamPermitting),
            new(V("4.20"), V("6.16"), "4096 131072 6291456", RamPermitting),
            new(V("6.16"), null, "4096 131072 33554432", RamPermitting),
        ], "K:net/ipv4/tcp.c tcp_init(); default 128 KiB since 4.20; max 32 MiB since 6.16 (572be9bf9d0d)"),
        Always("net.ipv4.tcp_wmem", "4096 16384 4194304", "K:net/ipv4/tcp.c tcp_init(); D-ip §tcp_wmem", RamPermitting),
        Always("net.ipv4.tcp_syncookies", "1", "D-ip §tcp_syncookies", "with CONFIG_SYN_COOKIES"),
        Always("net.ipv4.tcp_abort_on_overflow", "0", "D-ip §tcp_abort_on_overflow"),
        Changed("net.ipv4.tcp_tw_reuse", "79e9fed46038 (2 = loopback only)", ("0", "4.19"), ("2", null)),
        Always("net.ipv4.tcp_fin_timeout", "60", "D-ip §tcp_fin_timeout"),
        Always("net.ipv4.tcp_slow_start_after_idle", "1", "D-ip §tcp_slow_start_after_idle"),
        Changed("net.ipv4.ip_local_port_range", "07f4c90062f8 (4.2): 32768-60999 instead of 32768-61000", ("32768 61000", "4.2"), ("32768 60999", null)),
        Always("net.core.netdev_max_backlog", "1000", "D-ip / Documentation/admin-guide/sysctl/net.rst"),
        Always("net.core.netdev_budget", "300", "Documentation/admin-guide/sysctl/net.rst"),
        Always("net.core.default_qdisc", "pfifo_fast", "Documentation/admin-guide/sysctl/net.rst"),
        Always("net.ipv4.tcp_synack_retries", "5", "D-ip §tcp_synack_retries"),
        Always("net.ipv4.tcp_syn_retries", "6", "D-ip §tcp_syn_retries"),
        Always("net.ipv4.tcp_keepalive_time", "7200", "D-ip §tcp_keepalive_time"),
        Always("net.ipv4.tcp_keepalive_intvl", "75", "D-ip §tcp_keepalive_intvl"),
        Always("net.ipv4.tcp_keepalive_probes", "9", "D-ip §tcp_keepalive_probes"),
        Always("net.ipv4.tcp_timestamps", "1", "D-ip §tcp_timestamps"),
        Always("net.ipv4.tcp_sack", "1", "D-ip §tcp_sack"),
        Always("net.ipv4.tcp_window_scaling", "1", "D-ip §tcp_window_scaling"),
        Always("net.ipv4.tcp_fastopen", "1", "D-ip §tcp_fastopen"),
        Always("net.ipv4.tcp_mtu_probing", "0", "D-ip §tcp_mtu_probing"),
        Always("net.ipv4.conf.all.rp_filter", "0", "D-ip §rp_filter (distributions often set it in sysctl.d)"),
        Always("net.ipv4.conf.default.rp_filter", "0", "D-ip §rp_filter (distributions often set it in sysctl.d)"),
        Always("fs.nr_open", "1048576", "Documentation/admin-guide/sysctl/fs.rst §nr_open"),
        new("net.ipv4.tcp_tw_recycle", [new(null, V("4.12"), "0")], "removed in 4.12 (4396e46187ca)"),
    ];

    /// <summary>Keys a kernel version no longer has.</summary>
    public static ImmutableArray<KernelKeyRemoval> Removed { get; } =
    [
        new("net.ipv4.tcp_tw_recycle", V("4.12"),
            "removed in Linux 4.12 (4396e46187ca): systemd-sysctl ignores the unknown key, procps `sysctl --system` prints an error; before 4.12 it broke clients behind NAT"),
    ];

    /// <summary>Keys whose default cannot be known without the running host, with the reason.</summary>
    public static ImmutableSortedDictionary<string, string> UnknownOffline { get; } = new Dictionary<string, string>
    {
        ["net.ipv4.tcp_max_syn_backlog"] = "max(128, established-hash buckets / 128): derived from RAM",
        ["net.ipv4.tcp_max_tw_buckets"] = "established-hash buckets / 2: derived from RAM",
        ["net.ipv4.tcp_max_orphans"] = "derived from RAM",
        ["net.ipv4.tcp_mem"] = "derived from RAM (in pages)",
        ["net.ipv4.udp_mem"] = "derived from RAM (in pages)",
        ["fs.file-max"] = "derived from RAM",
        ["net.netfilter.nf_conntrack_max"] = "derived from RAM (buckets since 5.15, 4 x buckets before); exists only with the module loaded",
        ["net.netfilter.nf_conntrack_buckets"] = "RAM / 16 KiB, 1024..262144; exists only with the module loaded",
        ["net.ipv4.tcp_congestion_control"] = "CONFIG_DEFAULT_TCP_CONG of the kernel build (usually cubic)",
        ["net.core.rmem_max"] = "SK_RMEM_MAX depends on the size of struct sk_buff in the build",
        ["net.core.wmem_max"] = "SK_WMEM_MAX depends on the size of struct sk_buff in the build",
        ["net.core.rmem_default"] = "SK_RMEM_MAX depends on the size of struct sk_buff in the build",
        ["net.core.wmem_default"] = "SK_WMEM_MAX depends on the size of struct sk_buff in the build",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, KernelDefault> ByKey =
        Table.ToImmutableDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>The default of <paramref name="key"/> on <paramref name="version"/>, or null when unknown or absent.</summary>
    public static KernelDefaultEra? Lookup(string key, KernelVersion version) =>
        ByKey.TryGetValue(key, out var entry) ? entry.For(version) : null;

    /// <summary>The removal of <paramref name="key"/>, if some kernel version removed it.</summary>
    public static KernelKeyRemoval? RemovalOf(string key) => Removed.FirstOrDefault(r => r.Key == key);

    /// <summary>Keys the table knows to exist on <paramref name="version"/> (all keys when the version is unknown).</summary>
    public static IEnumerable<string> KeysFor(KernelVersion? version) =>
        Table.Where(d => version is not { } v || d.For(v) is not null).Select(d => d.Key);

    private static KernelVersion V(string text) => KernelVersion.Parse(text);

    private static KernelDefault Always(string key, string value, string citation, string? condition = null) =>
        new(key, [new KernelDefaultEra(null, null, value, condition)], citation);

    /// <summary>Eras in order: each (value, until) holds until the next era's start.</summary>
    private static KernelDefault Changed(string key, string citation, params (string Value, string? Until)[] eras)
    {
        var list = ImmutableArray.CreateBuilder<KernelDefaultEra>();
        KernelVersion? since = null;
        foreach (var (value, until) in eras)
        {
            KernelVersion? end = until is null ? null : V(until);
            list.Add(new KernelDefaultEra(since, end, value));
            since = end;
        }
        return new KernelDefault(key, list.ToImmutable(), citation);
    }
}
