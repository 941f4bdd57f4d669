using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// A comparison operator as a type, so that a compiled comparison is a generic closure the JIT specialises per
/// operator (a struct type argument), with no switch on the operator per evaluation. Operands are never NaN here:
/// fast paths route NaN to the Value path (see <see cref="BoundExpression.Number"/>).
/// </summary>
public interface IComparison
{
    static abstract bool Holds(double x, double y);
}

/// <summary>
/// Builds one comparison closure for the operator <typeparamref name="TOp"/>, returning its result as
/// <typeparamref name="TResult"/> (see <see cref="IResultKind{TResult}"/>) and calling <c>unknown</c> when an operand is unknown.
/// </summary>
public interface IComparisonBuilder
{
    Func<EvalContext, TResult> Build<TOp, TResult, TKind>(Func<EvalContext, TResult> unknown)
        where TOp : struct, IComparison
        where TKind : struct, IResultKind<TResult>;
}

public static class Comparisons
{
    public readonly struct Less : IComparison { public static bool Holds(double x, double y) => x < y; }
    public readonly struct LessEqual : IComparison { public static bool Holds(double x, double y) => x <= y; }
    public readonly struct Greater : IComparison { public static bool Holds(double x, double y) => x > y; }
    public readonly struct GreaterEqual : IComparison { public static bool Holds(double x, double y) => x >= y; }
    public readonly struct Equal : IComparison { public static bool Holds(double x, double y) => x == y; }
    public readonly struct NotEqual : IComparison { public static bool Holds(double x, double y) => x != y; }

    /// <summary>The comparison's two paths: its Test, and its Eval, which asks <paramref name="slow"/> only about unknowns.</summary>
    public static BooleanPaths Paths<TBuilder>(TokenKind op, TBuilder builder, Func<EvalContext, Value> slow) where TBuilder : IComparisonBuilder =>
        new(Build<TBuilder, Truth, TruthResult>(op, builder, Truths.AlwaysUnknown), Build<TBuilder, Value, ValueResult>(op, builder, slow));

    private static Func<EvalContext, TResult> Build<TBuilder, TResult, TKind>(TokenKind op, TBuilder builder, Func<EvalContext, TResult> unknown)
        where TBuilder : IComparisonBuilder
        where TKind : struct, IResultKind<TResult> => op switch
    {
        TokenKind.Less => builder.Build<Less, TResult, TKind>(unknown),
        TokenKind.LessEqual => builder.Build<LessEqual, TResult, TKind>(unknown),
        TokenKind.Greater => builder.Build<Greater, TResult, TKind>(unknown),
        TokenKind.GreaterEqual => builder.Build<GreaterEqual, TResult, TKind>(unknown),
        TokenKind.EqualEqual => builder.Build<Equal, TResult, TKind>(unknown),
        TokenKind.BangEqual => builder.Build<NotEqual, TResult, TKind>(unknown),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a comparison"),
    };

    /// <summary>The operator with its operands swapped: <c>0 &lt; x</c> is <c>x &gt; 0</c>.</summary>
    public static TokenKind Mirror(TokenKind op) => op switch
    {
        TokenKind.Less => TokenKind.Greater,
        TokenKind.LessEqual => TokenKind.GreaterEqual,
        TokenKind.Greater => TokenKind.Less,
        TokenKind.GreaterEqual => TokenKind.LessEqual,
        _ => op,
    };
}
