
namespace TuneAdvisor.Snapshots;

/// <summary>Facts about the host. Null means the source does not tell.</summary>
public sealed record HostInfo
{
    public string? Hostname { get; init; }
    /// <summary>Kernel release as `uname -r` prints it, e.g. "6.18.44-fc".</summary>
    public string? Kernel { get; init; }
    /// <summary>Where the kernel release came from (/proc/sys/kernel/osrelease, usr/lib/modules/..., uname -a).</summary>
    public string? KernelSource { get; init; }
    public string? OsRelease { get; init; }
    public string? BootId { get; init; }
    public double? UptimeSeconds { get; init; }
    /// <summary>The network namespace the data was read in, as `readlink /proc/self/ns/net` prints it.</summary>
    public string? NetworkNamespace { get; init; }
    public bool? IsInitialNetworkNamespace { get; init; }
    public bool? IsRoot { get; init; }
    public int? CpuCount { get; init; }
}
