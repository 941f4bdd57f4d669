using System.Runtime.InteropServices;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Evaluation;

/// <summary>
/// Stable subject names. When several items share a name, how they are told apart depends on the scope:
/// <list type="bullet">
/// <item>By place (SO_REUSEPORT listeners on one port): numbered in snapshot order, "listener tcp 0.0.0.0:443 #1", "#2".</item>
/// <item>Interchangeable items (<see cref="ScopeDefinition.Interchangeable"/>: connections from one peer to one
/// service, processes of one name): per rule, the items it fired for first, so the first finding is "process nginx",
/// the second "process nginx #2", whichever worker it is and however many others pass (<see cref="NumberFailuresFirst"/>).</item>
/// </list>
/// </summary>
public static class SubjectNamer
{
    /// <summary>The subject of every item: numbered by place, or, for interchangeable items, the shared name as it is.</summary>
    public static string[] Name(ScopeDefinition scope, SystemSnapshot snapshot, IReadOnlyList<object> items)
    {
        var names = new string[items.Count];
        var counts = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            names[i] = scope.Subject(snapshot, items[i]);
            CollectionsMarshal.GetValueRefOrAddDefault(counts, names[i], out _)++;
        }
        if (counts.Count == names.Length || scope.Interchangeable)
            return names; // all distinct (the usual case), or numbered per rule
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (counts[names[i]] < 2)
                continue;
            int n = seen[names[i]] = seen.GetValueOrDefault(names[i]) + 1;
            names[i] = $"{names[i]} #{n}";
        }
        return names;
    }

    /// <summary>
    /// Numbers one rule's outcomes over interchangeable items. <paramref name="order"/> sorts <paramref name="names"/>
    /// (ties in snapshot order), so items sharing a name are next to each other. Within each such run that has two or
    /// more outcomes, failures are numbered first, then the rest: the first keeps the name, later ones get " #2", " #3"….
    /// Returns the names (a copy when any changed) and the order re-sorted by them; items without an outcome
    /// (<paramref name="kinds"/> null) are skipped.
    /// </summary>
    public static (string[] Names, int[] Order) NumberFailuresFirst(string[] names, int[] order, OutcomeKind?[] kinds)
    {
        string[]? renamed = null;
        int[]? reordered = null;
        var run = new List<int>();
        for (int start = 0; start < order.Length;)
        {
            int end = start + 1;
            while (end < order.Length && string.Equals(names[order[end]], names[order[start]], StringComparison.Ordinal))
                end++;
            run.Clear();
            for (int j = start; j < end; j++)
                if (kinds[order[j]] is not null)
                    run.Add(order[j]);
            if (run.Count > 1)
            {
                renamed ??= (string[])names.Clone();
                reordered ??= (int[])order.Clone();
                int n = 0;
                foreach (var i in run.Where(i => kinds[i] == OutcomeKind.Fail).Concat(run.Where(i => kinds[i] != OutcomeKind.Fail)).ToArray())
                    renamed[i] = ++n == 1 ? names[i] : $"{names[i]} #{n}";
                // The run keeps its place among other names ("x #n" sorts right after "x"); inside it, sort by the new names.
                var sorted = run.Concat(Enumerable.Range(start, end - start).Select(j => order[j]).Where(i => kinds[i] is null))
                    .OrderBy(i => renamed[i], StringComparer.Ordinal).ThenBy(i => i).ToArray();
                sorted.CopyTo(reordered, start);
            }
            start = end;
        }
        if (renamed is null || reordered is null)
            return (names, order);
        // A name that sorts between "x" and "x #2" ("x !") would need the run split; sort everything then.
        for (int j = 1; j < reordered.Length; j++)
        {
            if (string.CompareOrdinal(renamed[reordered[j - 1]], renamed[reordered[j]]) > 0)
            {
                Array.Sort(reordered, (a, b) => string.CompareOrdinal(renamed[a], renamed[b]) is var c && c != 0 ? c : a.CompareTo(b));
                break;
            }
        }
        return (renamed, reordered);
    }
}
