using System.Collections.Immutable;
using System.Globalization;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>Converts a sysctl's text to the typed value its catalog entry declares; an unparsable value is unknown, never 0.</summary>
public static class SysctlValueConverter
{
    public static Func<string, string, Value> For(ExprType type)
    {
        if (type == ExprType.Integer || type == ExprType.Bytes)
            return static (key, text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? Value.FromNumber(n) : Value.Unknown($"{key} = '{text}' is not an integer");
        if (type == ExprType.IntegerList)
            return static (key, text) => ParseList(text) is { } list ? Value.FromList(list) : Value.Unknown($"{key} = '{text}' is not a list of integers");
        return static (_, text) => Value.FromString(text);
    }

    public static ImmutableArray<long>? ParseList(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var b = ImmutableArray.CreateBuilder<long>(parts.Length);
        foreach (var p in parts)
        {
            if (!long.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                return null;
            b.Add(n);
        }
        return b.MoveToImmutable();
    }
}
