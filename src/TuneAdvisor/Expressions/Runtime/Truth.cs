using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>The result of a Boolean fast path (<see cref="BoundExpression.Test"/>): true, false, or unknown without the reason.</summary>
public enum Truth : byte
{
    False,
    True,
    Unknown,
}

public static class Truths
{
    public static readonly Func<EvalContext, Truth> AlwaysUnknown = _ => Truth.Unknown;

    public static Truth Of(bool b) => b ? Truth.True : Truth.False;

    public static Truth Of(Value v) => v.IsUnknown ? Truth.Unknown : Of(v.Boolean);

    public static Truth Not(Truth a) => a == Truth.Unknown ? Truth.Unknown : (Truth)((byte)a ^ 1);

    /// <summary>
    /// A Value-returning condition built on a fast path: known results come from <paramref name="test"/>, and only an
    /// unknown one asks <paramref name="slow"/>, which evaluates the same expression through Values for the reason.
    /// </summary>
    public static Func<EvalContext, Value> WithReasons(Func<EvalContext, Truth> test, Func<EvalContext, Value> slow) => ctx => test(ctx) switch
    {
        Truth.False => Value.False,
        Truth.True => Value.True,
        _ => slow(ctx),
    };
}

/// <summary>
/// A compiled Boolean node's two closures over the same fast code: <see cref="Test"/> for a parent's fast path, and
/// <see cref="Eval"/>, which returns a known result as a Value directly and asks the Value path only about an unknown.
/// </summary>
public sealed record BooleanPaths(Func<EvalContext, Truth> Test, Func<EvalContext, Value> Eval)
{
    public BoundExpression Bind(TextSpan span) => new(ExprType.Boolean, span, Eval) { Test = Test };
}

/// <summary>How a generic Boolean closure returns a known result: as a <see cref="Truth"/> or as a <see cref="Value"/>.</summary>
public interface IResultKind<TResult>
{
    static abstract TResult Of(bool b);
}

public readonly struct TruthResult : IResultKind<Truth>
{
    public static Truth Of(bool b) => Truths.Of(b);
}

public readonly struct ValueResult : IResultKind<Value>
{
    public static Value Of(bool b) => Value.FromBoolean(b);
}
