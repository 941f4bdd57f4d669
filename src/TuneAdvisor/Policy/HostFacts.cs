using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Policy;

/// <summary>What host selectors look at: the snapshot's hostname and kernel release, and the --tag values of the run.</summary>
public sealed record HostFacts(string? Hostname, string? Kernel, ImmutableSortedSet<string> Tags)
{
    public static HostFacts None { get; } = new(null, null, ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    public static HostFacts Of(HostInfo host, IEnumerable<string> tags) =>
        new(host.Hostname, host.Kernel, tags.Select(t => t.Trim()).Where(t => t.Length > 0).ToImmutableSortedSet(StringComparer.Ordinal));
}
