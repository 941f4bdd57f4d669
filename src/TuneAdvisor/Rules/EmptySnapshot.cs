using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Rules;

/// <summary>A snapshot with nothing in it, for evaluating constant expressions.</summary>
internal static class EmptySnapshot
{
    public static SystemSnapshot Instance { get; } = new()
    {
        Source = new SnapshotSource("none", "", ImmutableSortedSet<SnapshotCapability>.Empty, []),
        Host = new HostInfo(),
    };
}
