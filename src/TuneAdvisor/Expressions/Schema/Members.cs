using System.Collections.Immutable;
using TuneAdvisor.Expressions.Runtime;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>Helpers to declare item members tersely and without reflection.</summary>
internal static class Members
{
    public static ItemType Item(string name, params MemberDefinition[] members) =>
        new(name, members.ToImmutableSortedDictionary(m => m.Name, m => m, StringComparer.Ordinal));

    // Accessors run once per item and rule: reasons that depend only on the member are formatted once, here, and
    // per-item reasons are deferred (Value.Unknown(subject, reason)) so an unknown nobody reads costs no format.

    public static MemberDefinition Str<T>(string name, string description, Func<T, string?> get, string? unknownWhy = null)
        where T : class
    {
        var unknown = Value.Unknown(unknownWhy ?? $"{name} is unknown");
        return new(name, ExprType.String, description, o => get((T)o) is { } s ? Value.FromString(s) : unknown)
        {
            Text = TextMember.Create(get),
        };
    }

    public static MemberDefinition Num<T>(string name, ExprType type, string description, Func<T, double?> get, Func<T, string>? unknownWhy = null)
        where T : class
    {
        var fallback = $"{name} is unknown";
        var unknown = Value.Unknown(fallback);
        Func<object, string>? why = unknownWhy is null ? null : o => unknownWhy((T)o) ?? fallback;
        return new(name, type, description, o =>
        {
            var item = (T)o;
            return get(item) is { } v ? Value.FromNumber(v) : why is null ? unknown : Value.Unknown(o, why);
        })
        {
            Number = NumberMember.Create(get),
        };
    }

    /// <summary>
    /// A number that may be known only as a lower bound (a queue cut inside its digits in a pasted row): when
    /// <paramref name="atLeast"/> says so, the fast path sees it as unknown and the Value is <see cref="Value.AtLeast"/>
    /// with <paramref name="boundWhy"/> as the reason, which comparisons on the member read use (see <see cref="LowerBounds"/>).
    /// </summary>
    public static MemberDefinition Bounded<T>(string name, ExprType type, string description, Func<T, double?> get, Func<T, bool> atLeast,
        Func<T, string> boundWhy, Func<T, string>? unknownWhy = null)
        where T : class
    {
        var plain = Num(name, type, description, get, unknownWhy);
        Func<object, string> why = o => boundWhy((T)o);
        return plain with
        {
            Get = o => atLeast((T)o) && get((T)o) is { } bound ? Value.AtLeast(bound, o, why) : plain.Get(o),
            Number = NumberMember.Create<T>(item => atLeast(item) ? null : get(item)),
        };
    }

    /// <summary>
    /// A number known to lie between <paramref name="low"/> and <paramref name="high"/>: exact when they agree, and
    /// otherwise a <see cref="Value.Within"/> (or, with no upper end, <see cref="Value.AtLeast"/>) with
    /// <paramref name="boundWhy"/> as the reason: a count that rows cut in a paste may add to. The fast path sees a
    /// range as unknown, so comparisons go to the Value path, which decides whenever both ends of the range agree.
    /// </summary>
    public static MemberDefinition Ranged<T>(string name, ExprType type, string description, Func<T, double?> low, Func<T, double?> high,
        Func<T, string> boundWhy, Func<T, string>? unknownWhy = null)
        where T : class
    {
        var plain = Num(name, type, description, low, unknownWhy);
        Func<object, string> why = o => boundWhy((T)o);
        return plain with
        {
            Get = o =>
            {
                if (low((T)o) is not { } lo)
                    return plain.Get(o);
                return high((T)o) switch
                {
                    { } hi when hi <= lo => Value.FromNumber(lo),
                    { } hi => Value.Within(lo, hi, o, why),
                    null => Value.AtLeast(lo, o, why),
                };
            },
            Number = NumberMember.Create<T>(item => low(item) is { } lo && high(item) is { } hi && hi <= lo ? lo : null),
        };
    }

    /// <summary>
    /// A cumulative counter member: its value at the last sample, and its change over the window. When
    /// <paramref name="unknownWhy"/> is given, an item whose value is unknown says why for the value and its change alike.
    /// </summary>
    public static MemberDefinition Counter<T>(string name, ExprType type, string description, Func<T, double?> get, Func<T, double?> delta,
        Func<T, string>? unknownWhy = null)
        where T : class
    {
        var unknown = Value.Unknown($"{name} is unknown");
        var noDelta = Value.Unknown($"{name} has no second sample (use --interval > 0)");
        Func<object, string>? why = unknownWhy is null ? null : o => unknownWhy((T)o);
        return new(name, type, description,
            o => get((T)o) is { } v ? Value.FromNumber(v) : why is null ? unknown : Value.Unknown(o, why),
            o => delta((T)o) is { } d ? Value.FromNumber(d) : why is not null && get((T)o) is null ? Value.Unknown(o, why) : noDelta)
        {
            Number = NumberMember.Create(get),
        };
    }

    public static MemberDefinition Bool<T>(string name, string description, Func<T, bool?> get, Func<T, string>? unknownWhy = null)
        where T : class
    {
        var unknown = Value.Unknown($"{name} is unknown");
        Func<object, string>? why = unknownWhy is null ? null : o => unknownWhy((T)o);
        return new(name, ExprType.Boolean, description,
            o => get((T)o) is { } b ? Value.FromBoolean(b) : why is null ? unknown : Value.Unknown(o, why));
    }
}
