using System.Collections.Immutable;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// One sysctl value, whitespace-normalised ("4096 131072 6291456"), with where it came from:
/// "/proc/sys/net/core/somaxconn", "etc/sysctl.d/60-x.conf:3", "sysctl_-a:412" or "kernel default (5.4+)".
/// </summary>
public sealed record SysctlEntry(string Value, string Source)
{
    /// <summary>Configuration assignments this value overrode, highest priority first ("usr/lib/sysctl.d/50-x.conf:2 = 128").</summary>
    public ImmutableArray<string> Overridden { get; init; } = [];

    /// <summary>True when the key exists only in the initial network namespace (host-global).</summary>
    public bool? InitNetnsOnly { get; init; }

    /// <summary>On a live host: the value the merged sysctl.d configuration asks for, when it sets this key.</summary>
    public SysctlConfigured? Configured { get; init; }
}

/// <summary>A value set by sysctl configuration files, with the assignment that won.</summary>
public sealed record SysctlConfigured(string Value, string Source);
