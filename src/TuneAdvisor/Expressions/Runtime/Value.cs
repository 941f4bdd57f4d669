using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Expressions.Runtime;

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
/// <remarks>
/// Every node of a compiled condition returns a Value, so its size matters: at 16 bytes (a double and a reference)
/// it comes back in two registers instead of through memory, which made the benchmark's conditions about a fifth
/// faster than with a separate kind field. The kind is therefore told by the reference: none for a number, a tag for
/// a boolean or an unknown, otherwise the object itself (a string, a Version, a boxed list, a collection of items
/// or an item; an item is never a string, a Version or a list).
/// </remarks>
public readonly struct Value
{
    private readonly double _number;
    private readonly object? _reference;

    private Value(double number, object? reference)
    {
        _number = number;
        _reference = reference;
    }

    public ValueKind Kind => _reference switch
    {
        null => ValueKind.Number,
        BooleanTag => ValueKind.Boolean,
        UnknownTag => ValueKind.Unknown,
        string => ValueKind.String,
        KernelVersion => ValueKind.Version,
        ImmutableArray<long> or ImmutableArray<string> => ValueKind.List,
        IReadOnlyList<object> => ValueKind.Collection,
        _ => ValueKind.Item,
    };

    public double Number => _number;
    /// <summary>The string, version, boxed list, collection or item; null for numbers, booleans and unknowns.</summary>
    public object? Reference => _reference is BooleanTag or UnknownTag ? null : _reference;

    public bool IsUnknown => _reference is UnknownTag;
    public bool Boolean => _number != 0;
    public string Text => (string)_reference!;
    public KernelVersion VersionValue => (KernelVersion)_reference!;
    public ImmutableArray<long> List => (ImmutableArray<long>)_reference!;
    public ImmutableArray<string> Strings => (ImmutableArray<string>)_reference!;
    public string UnknownReason => _reference is UnknownTag u ? u.Text : "unknown";

    /// <summary>
    /// For an unknown known to be at least some number (a Recv-Q cut inside its digits in a pasted row): that number.
    /// Only a comparison whose operand reads the member directly uses it (see <see cref="LowerBounds"/>); every other
    /// operator treats the value as plain unknown.
    /// </summary>
    public double? LowerBound => _reference is UnknownTag { IsLowerBound: true } ? _number : null;

    /// <summary>
    /// For a bounded unknown that is also known to be at most some number (a count that rows cut in the paste may
    /// add to, but by no more than their number): that number; null when only the lower bound is known.
    /// </summary>
    public double? UpperBound => _reference is UnknownTag { IsLowerBound: true, Upper: { } upper } ? upper : null;

    // Properties rather than static readonly fields: a struct in a static field lives in a box the JIT reads through,
    // while these fold to a constant and the tag's (frozen) address.
    public static Value True => new(1, BooleanTag.Instance);
    public static Value False => new(0, BooleanTag.Instance);

    public static Value Unknown(string reason) => new(0, new UnknownTag(reason));

    /// <summary>
    /// An unknown value whose reason about <paramref name="subject"/> is formatted only when it is read. Per-item
    /// reasons ("no tcp_info for tcp 10.0.0.1:443 -> …") cost a string format each, and most are never read: the
    /// unknown is discarded (<c>false and unknown</c> is false) or only counted. Scope items are immutable, so the text
    /// is the same whenever it is read. Pass a cached delegate: then the only allocation is one small object.
    /// </summary>
    public static Value Unknown(object subject, Func<object, string> reason) => new(0, new UnknownTag(subject, reason));

    /// <summary>An unknown that is at least <paramref name="bound"/>; the reason is formatted only when read.</summary>
    public static Value AtLeast(double bound, object subject, Func<object, string> reason) =>
        new(bound, new UnknownTag(subject, reason) { IsLowerBound = true });

    /// <summary>
    /// An unknown that lies between <paramref name="lower"/> and <paramref name="upper"/> (inclusive); the reason is
    /// formatted only when read. Comparisons on the member read decide when either bound does (see <see cref="LowerBounds"/>).
    /// </summary>
    public static Value Within(double lower, double upper, object subject, Func<object, string> reason) =>
        new(lower, new UnknownTag(subject, reason) { IsLowerBound = true, Upper = upper });

    /// <summary>This unknown without its lower bound (what an operator passes on: x + 1 is not at least x's bound).</summary>
    public Value WithoutBound() => LowerBound is null ? this : Unknown(UnknownReason);

    private sealed class BooleanTag
    {
        public static readonly BooleanTag Instance = new();
    }

    /// <summary>Marks an unknown value and holds its reason: a text, or a subject and the function that describes it.</summary>
    private sealed class UnknownTag
    {
        private readonly string? _text;
        private readonly object? _subject;
        private readonly Func<object, string>? _describe;

        public bool IsLowerBound { get; init; }

        /// <summary>The upper bound of a bounded unknown, when one is known.</summary>
        public double? Upper { get; init; }

        public UnknownTag(string text) => _text = text;

        public UnknownTag(object subject, Func<object, string> describe)
        {
            _subject = subject;
            _describe = describe;
        }

        public string Text => _text ?? _describe?.Invoke(_subject!) ?? "unknown";
    }

    public static Value FromNumber(double n) => new(n, null);
    public static Value FromNullable(long? n, Func<string> whyUnknown) => n is { } v ? FromNumber(v) : Unknown(whyUnknown());
    public static Value FromNullable(double? n, Func<string> whyUnknown) => n is { } v ? FromNumber(v) : Unknown(whyUnknown());
    public static Value FromBoolean(bool b) => new(b ? 1 : 0, BooleanTag.Instance);
    public static Value FromString(string s) => new(0, s);
    public static Value FromVersion(KernelVersion v) => new(0, v);
    public static Value FromList(ImmutableArray<long> items) => new(0, items);
    public static Value FromStrings(ImmutableArray<string> items) => new(0, items);
    public static Value FromItem(object item) => new(0, item);
    public static Value FromCollection(IReadOnlyList<object> items) => new(0, items);

    /// <summary>Formats the value for messages and evidence, in the unit of <paramref name="type"/>.</summary>
    public string Format(ExprType type)
    {
        if (IsUnknown)
            return LowerBound is not { } bound ? "unknown"
                : UpperBound is { } upper ? FromNumber(bound).Format(type) + " to " + FromNumber(upper).Format(type)
                : "at least " + FromNumber(bound).Format(type);
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
