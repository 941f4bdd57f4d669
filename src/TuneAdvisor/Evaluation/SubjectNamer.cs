using System.Runtime.InteropServices;
using TuneAdvisor.Expressions.Schema;

namespace TuneAdvisor.Evaluation;

/// <summary>
/// Stable subject names. When several items share a name (SO_REUSEPORT listeners on one port), they are numbered
/// in snapshot order: "listener tcp 0.0.0.0:443 #1", "#2".
/// </summary>
public static class SubjectNamer
{
    public static string[] Name(ScopeDefinition scope, IReadOnlyList<object> items)
    {
        var names = new string[items.Count];
        var counts = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            names[i] = scope.Subject(items[i]);
            CollectionsMarshal.GetValueRefOrAddDefault(counts, names[i], out _)++;
        }
        if (counts.Count == names.Length)
            return names; // all distinct, the usual case
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
}
