using System.Collections.Immutable;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Rules;

/// <summary>Kernel applicability such as "&gt;= 4.4" or "&gt;= 4.4, &lt; 6.13".</summary>
public sealed record KernelRange(string Text, ImmutableArray<(string Op, KernelVersion Version)> Bounds)
{
    public static KernelRange? TryParse(string text, out string? error)
    {
        error = null;
        var bounds = ImmutableArray.CreateBuilder<(string, KernelVersion)>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var op = new[] { ">=", "<=", "==", ">", "<" }.FirstOrDefault(o => raw.StartsWith(o, StringComparison.Ordinal));
            if (op is null || !KernelVersion.TryParse(raw[op.Length..].Trim(), out var v))
            {
                error = $"'{raw}' is not a bound such as \">= 4.4\" or \"< 6.13\"";
                return null;
            }
            bounds.Add((op, v));
        }
        if (bounds.Count == 0)
        {
            error = "empty kernel range";
            return null;
        }
        return new KernelRange(text, bounds.ToImmutable());
    }

    public bool Contains(KernelVersion kernel) => Bounds.All(b =>
    {
        int c = kernel.CompareTo(b.Version);
        return b.Op switch { ">=" => c >= 0, "<=" => c <= 0, ">" => c > 0, "<" => c < 0, _ => c == 0 };
    });
}
