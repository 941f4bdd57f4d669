using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Drift;

/// <summary>
/// Sysctls changed, added or removed, by key in ordinal order. Only the effective value counts: the same value read
/// from another place (/proc/sys, a sysctl.d line, `sysctl -a`) is no change. Volatile keys
/// (<see cref="VolatileSysctls"/>) are left to <see cref="FactDiffer"/>, which shows them only with --all.
/// </summary>
public static class SysctlDiffer
{
    public static ImmutableArray<SysctlChange> Compare(
        IReadOnlyDictionary<string, SysctlEntry> before, IReadOnlyDictionary<string, SysctlEntry> after)
    {
        var changes = new List<SysctlChange>();
        foreach (var key in before.Keys.Union(after.Keys).Where(k => !VolatileSysctls.IsVolatile(k)).Order(StringComparer.Ordinal))
        {
            before.TryGetValue(key, out var a);
            after.TryGetValue(key, out var b);
            if (a is null)
                changes.Add(new SysctlChange(key, ChangeKind.Added, null, b));
            else if (b is null)
                changes.Add(new SysctlChange(key, ChangeKind.Removed, a, null));
            else if (!string.Equals(a.Value, b.Value, StringComparison.Ordinal))
                changes.Add(new SysctlChange(key, ChangeKind.Changed, a, b));
        }
        return [.. changes];
    }
}
