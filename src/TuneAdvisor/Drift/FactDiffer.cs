using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Drift;

/// <summary>The other values (<see cref="SnapshotFacts"/>) that differ, by key in ordinal order; volatile ones only when asked for.</summary>
public static class FactDiffer
{
    public static ImmutableArray<FactChange> Compare(SystemSnapshot before, SystemSnapshot after, bool includeVolatile)
    {
        var a = SnapshotFacts.Of(before, includeVolatile);
        var b = SnapshotFacts.Of(after, includeVolatile);
        var changes = new List<FactChange>();
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var inA = a.TryGetValue(key, out var x);
            var inB = b.TryGetValue(key, out var y);
            if (!inA)
                changes.Add(new FactChange(key, ChangeKind.Added, null, y.Value, y.Volatile));
            else if (!inB)
                changes.Add(new FactChange(key, ChangeKind.Removed, x.Value, null, x.Volatile));
            else if (!string.Equals(x.Value, y.Value, StringComparison.Ordinal))
                changes.Add(new FactChange(key, ChangeKind.Changed, x.Value, y.Value, x.Volatile || y.Volatile));
        }
        return [.. changes];
    }
}
