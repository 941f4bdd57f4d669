using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>A sysctl as a scope item, with the sysctl.d assignment that sets it (null when none does).</summary>
public sealed record SysctlItem(string Key, SysctlEntry Entry, SysctlConfigured? Configured)
{
    public static SysctlItem Of(SystemSnapshot snapshot, string key, SysctlEntry entry) => new(key, entry, ConfiguredOf(snapshot, entry));

    /// <summary>
    /// What sysctl.d configuration sets for this entry. On a live host that is the merged value the collector recorded
    /// beside the effective one; in an image root the value itself comes from configuration unless it is a kernel default.
    /// </summary>
    public static SysctlConfigured? ConfiguredOf(SystemSnapshot snapshot, SysctlEntry entry) =>
        entry.Configured
        ?? (snapshot.Source.Kind == SnapshotSource.Image && !entry.Source.StartsWith("kernel default", StringComparison.Ordinal)
            ? new SysctlConfigured(entry.Value, entry.Source)
            : null);
}
