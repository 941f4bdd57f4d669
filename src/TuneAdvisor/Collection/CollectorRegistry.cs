using System.Collections.Immutable;

namespace TuneAdvisor.Collection;

/// <summary>The live collectors, listed explicitly (no assembly scanning, so the tool trims and AOT-compiles).</summary>
public static class CollectorRegistry
{
    public static ImmutableArray<ICollector> Default { get; } =
    [
        new HostCollector(),
        new SysctlCollector(),
        // Needs the entries SysctlCollector creates.
        new SysctlConfigCollector(),
        new NetSnmpCollector(),
        new SockDiagCollector(),
        new InterfaceCollector(),
        new SoftnetCollector(),
        new SoftirqsCollector(),
        new SockstatCollector(),
        new ConntrackCollector(),
    ];
}
