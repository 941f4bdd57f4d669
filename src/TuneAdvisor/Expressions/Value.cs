using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Expressions;

public enum ValueKind : byte
{
    Unknown,
    Number,
    Boolean,
    String,
    Version,
    List,
    Item,
    Collection,
}

/// <summary>
/// A runtime value. All numeric types are stored as a double in their base unit (bytes, seconds, a fraction for
/// percent). <see cref="ValueKind.Unknown"/> carries the reason, so a rule can say why it was not evaluated.
/// </summary>
public readonly struct Value
{
    private Value(ValueKind kind, double number, object? reference)
    {
        Kind = kind;
        Number = number;
        Reference = reference;
    }

    public ValueKind Kind { get; }
    public double Number { get; }
    public object? Reference { get; }

    public bool IsUnknown => Kind == ValueKind.Unknown;
    public bool Boolean => Number != 0;
    public string Text => (string)Reference!;
    public KernelVersion VersionValue => (KernelVersion)Reference!;
    public ImmutableArray<long> List => (ImmutableArray<long>)Reference!;
    public ImmutableArray<string> Strings => (ImmutableArray<string>)Reference!;
    public string UnknownReason => Reference as string ?? "unknown";

    public static readonly Value True = new(ValueKind.Boolean, 1, null);
    public static readonly Value False = new(ValueKind.Boolean, 0, null);

    public static Value Unknown(string reason) => new(ValueKind.Unknown, 0, reason);
    public static Value FromNumber(double n) => new(ValueKind.Number, n, null);
    public static Value FromNullable(long? n, Func<string> whyUnknown) => n is { } v ? FromNumber(v) : Unknown(whyUnknown());
    public static Value FromNullable(double? n, Func<string> whyUnknown) => n is { } v ? FromNumber(v) : Unknown(whyUnknown());
    public static Value FromBoolean(bool b) => b ? True : False;
    public static Value FromString(string s) => new(ValueKind.String, 0, s);
    public static Value FromVersion(KernelVersion v) => new(ValueKind.Version, 0, v);
    public static Value FromList(ImmutableArray<long> items) => new(ValueKind.List, 0, items);
    public static Value FromStrings(ImmutableArray<string> items) => new(ValueKind.List, 0, items);
    public static Value FromItem(object item) => new(ValueKind.Item, 0, item);
    public static Value FromCollection(IReadOnlyList<object> items) => new(ValueKind.Collection, 0, items);

    /// <summary>Formats the value for messages and evidence, in the unit of <paramref name="type"/>.</summary>
    public string Format(ExprType type)
    {
        if (IsUnknown)
            return "unknown";
        return Kind switch
        {
            ValueKind.Boolean => Boolean ? "true" : "false",
            ValueKind.String => Text,
            ValueKind.Version => VersionValue.ToString(),
            ValueKind.List when Reference is ImmutableArray<string> strings => string.Join(", ", strings),
            ValueKind.List => string.Join(' ', List),
            ValueKind.Number when type == ExprType.Percent => FormatNumber(Number * 100) + "%",
            ValueKind.Number when type == ExprType.Bytes => Units.FormatBytes(Number),
            ValueKind.Number when type == ExprType.Duration => Units.FormatDuration(Number),
            ValueKind.Number => FormatNumber(Number),
            ValueKind.Collection => $"{((IReadOnlyList<object>)Reference!).Count} item(s)",
            _ => Reference?.ToString() ?? "",
        };
    }

    public static string FormatNumber(double n)
    {
        if (Math.Abs(n) < 9.007e15 && n == Math.Floor(n))
            return ((long)n).ToString(CultureInfo.InvariantCulture);
        return Math.Round(n, Math.Abs(n) >= 100 ? 1 : 3).ToString("0.###", CultureInfo.InvariantCulture);
    }

    public override string ToString() => IsUnknown ? $"unknown ({UnknownReason})" : Format(ExprType.Number);
}
