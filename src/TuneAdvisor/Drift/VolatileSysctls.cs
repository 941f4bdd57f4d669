using System.Collections.Immutable;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Drift;

/// <summary>
/// Sysctls that change by themselves, so two readings of one untouched host differ: the kernel's running state
/// (<see cref="SysctlCatalog.RuntimeOnly"/>: fs.file-nr, nf_conntrack_count), counts of inodes, dentries, AIO requests
/// and ptys, the last pid, the entropy pool, and values drawn at random per boot or per network namespace (the boot
/// id, a fresh uuid at every read, the RSS hash key, the TCP Fast Open key). A diff compares them only with --all.
/// </summary>
public static class VolatileSysctls
{
    public static ImmutableSortedSet<string> Keys { get; } = SysctlCatalog.RuntimeOnly.Union(
    [
        "fs.aio-nr", "fs.dentry-state", "fs.file-nr", "fs.inode-nr", "fs.inode-state",
        "kernel.ns_last_pid", "kernel.pty.nr",
        "kernel.random.boot_id", "kernel.random.entropy_avail", "kernel.random.uuid",
        "net.core.netdev_rss_key", "net.ipv4.tcp_fastopen_key", "net.netfilter.nf_conntrack_count",
    ]);

    /// <summary>Prefixes of counter families: every key under them is volatile (disk quota statistics).</summary>
    private static readonly string[] Prefixes = ["fs.quota."];

    public static bool IsVolatile(string key) =>
        Keys.Contains(key) || Prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
}
