
namespace TuneAdvisor.Collection;

/// <summary>
/// Everything a collector may touch, injected so tests point collectors at fixture trees.
/// No collector names a literal "/proc" or "/sys"; they join paths onto these roots.
/// </summary>
public sealed record CollectionContext
{
    /// <summary>Root of procfs ("/proc" on a live host).</summary>
    public string ProcRoot { get; init; } = "/proc";
    /// <summary>Root of sysfs ("/sys" on a live host).</summary>
    public string SysRoot { get; init; } = "/sys";
    /// <summary>Root that holds etc/, usr/, run/ for configuration files ("/" on a live host).</summary>
    public string ConfigRoot { get; init; } = "/";
    public TimeProvider Time { get; init; } = TimeProvider.System;
    /// <summary>Use netlink sock_diag for sockets. False forces the /proc/net/tcp fallback (tests, or a kernel without inet_diag).</summary>
    public bool UseNetlink { get; init; } = true;
    /// <summary>Map socket inodes to processes by walking /proc/PID/fd.</summary>
    public bool MapProcesses { get; init; } = true;
    /// <summary>Which per-interface sysctl directories to read; see <see cref="SysctlCollector"/> for the policy.</summary>
    public PerInterfaceSysctls PerInterfaceSysctls { get; init; } = PerInterfaceSysctls.Selected;
    /// <summary>With <see cref="PerInterfaceSysctls.Selected"/>: the most interfaces (besides all, default, lo) whose sysctls are read.</summary>
    public int MaxSysctlInterfaces { get; init; } = 64;

    public static CollectionContext Live { get; } = new();

    public string Proc(string relative) => Path.Combine(ProcRoot, relative);
    public string Sys(string relative) => Path.Combine(SysRoot, relative);
    public string Config(string relative) => Path.Combine(ConfigRoot, relative);
}
