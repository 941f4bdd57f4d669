using System.Collections.Immutable;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>Helpers to declare item members tersely and without reflection.</summary>
internal static class Members
{
    public static ItemType Item(string name, params MemberDefinition[] members) =>
        new(name, members.ToImmutableSortedDictionary(m => m.Name, m => m, StringComparer.Ordinal));

    public static MemberDefinition Str<T>(string name, string description, Func<T, string?> get, string? unknownWhy = null) =>
        new(name, ExprType.String, description, o => get((T)o) is { } s ? Value.FromString(s) : Value.Unknown(unknownWhy ?? $"{name} is unknown"));

    public static MemberDefinition Num<T>(string name, ExprType type, string description, Func<T, double?> get, Func<T, string>? unknownWhy = null) =>
        new(name, type, description, o =>
        {
            var item = (T)o;
            return get(item) is { } v ? Value.FromNumber(v) : Value.Unknown(unknownWhy?.Invoke(item) ?? $"{name} is unknown");
        });

    /// <summary>A cumulative counter member: its value at the last sample, and its change over the window.</summary>
    public static MemberDefinition Counter<T>(string name, ExprType type, string description, Func<T, double?> get, Func<T, double?> delta) =>
        new(name, type, description,
            o => get((T)o) is { } v ? Value.FromNumber(v) : Value.Unknown($"{name} is unknown"),
            o => delta((T)o) is { } d ? Value.FromNumber(d) : Value.Unknown($"{name} has no second sample (use --interval > 0)"));

    public static MemberDefinition Bool<T>(string name, string description, Func<T, bool?> get) =>
        new(name, ExprType.Boolean, description, o => get((T)o) is { } b ? Value.FromBoolean(b) : Value.Unknown($"{name} is unknown"));
}
