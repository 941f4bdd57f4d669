using System.Collections.Immutable;
using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// Builds the fast paths of Boolean operator nodes (see <see cref="BoundExpression.Test"/>) from their operands'
/// fast paths, each given the node's Value path (<c>slow</c>) for the reason of an unknown. A comparison of a member
/// with a literal — the usual shape of a condition — becomes one closure around the schema's getter; the others are
/// one closure per operator, specialised per operator by a type argument. Operands are evaluated without the early
/// return of the Value path where that is simpler: expressions have no side effects.
/// </summary>
internal static class FastPaths
{
    /// <summary><c>left op right</c> over two comparable numbers.</summary>
    public static BooleanPaths Compare(TokenKind op, BoundExpression left, BoundExpression right, Func<EvalContext, Value> slow)
    {
        if (left.Constant is { IsUnknown: false } && right.Constant is not { IsUnknown: false })
            return Compare(Comparisons.Mirror(op), right, left, slow);
        if (left.Member is { Definition.Number: { } member } read)
        {
            return right.Constant is { IsUnknown: false } k
                ? member.Compare(op, k.Number, read.OnIt, slow)
                : member.Compare(op, right.NumberPath(), read.OnIt, slow);
        }
        if (right.Constant is { IsUnknown: false } limit)
            return Comparisons.Paths(op, new WithLimit(left.NumberPath(), limit.Number), slow);
        return Comparisons.Paths(op, new Pair(left.NumberPath(), right.NumberPath()), slow);
    }

    private readonly struct WithLimit(Func<EvalContext, double> left, double limit) : IComparisonBuilder
    {
        public Func<EvalContext, TResult> Build<TOp, TResult, TKind>(Func<EvalContext, TResult> unknown)
            where TOp : struct, IComparison
            where TKind : struct, IResultKind<TResult>
        {
            var (l, k) = (left, limit);
            return ctx => l(ctx) is var x && !double.IsNaN(x) ? TKind.Of(TOp.Holds(x, k)) : unknown(ctx);
        }
    }

    private readonly struct Pair(Func<EvalContext, double> left, Func<EvalContext, double> right) : IComparisonBuilder
    {
        public Func<EvalContext, TResult> Build<TOp, TResult, TKind>(Func<EvalContext, TResult> unknown)
            where TOp : struct, IComparison
            where TKind : struct, IResultKind<TResult>
        {
            var (l, r) = (left, right);
            return ctx => l(ctx) is var x && r(ctx) is var y && !double.IsNaN(x) && !double.IsNaN(y) ? TKind.Of(TOp.Holds(x, y)) : unknown(ctx);
        }
    }

    /// <summary><c>left in ["a", "b"]</c> with a literal list; <c>left == "a"</c> is a list of one, <c>!=</c> its negation.</summary>
    public static BooleanPaths InTexts(BoundExpression left, ImmutableArray<string> texts, bool negate, Func<EvalContext, Value> slow)
    {
        if (left.Member is { Definition.Text: { } member } read)
            return member.In(texts, negate, read.OnIt, slow);
        var l = left.TextPath();
        var array = texts.ToArray();
        Func<EvalContext, Truth> test = ctx => l(ctx) is { } s ? Truths.Of(TextMember.Contains(array, s) != negate) : Truth.Unknown;
        return new(test, Truths.WithReasons(test, slow));
    }

    /// <summary>Kleene <c>and</c> (<paramref name="and"/>) or <c>or</c> over two fast paths.</summary>
    public static BooleanPaths Logical(bool and, Func<EvalContext, Truth> left, Func<EvalContext, Truth> right, Func<EvalContext, Value> slow) => and
        ? new(And<Truth, TruthResult>(left, right, Truths.AlwaysUnknown), And<Value, ValueResult>(left, right, slow))
        : new(Or<Truth, TruthResult>(left, right, Truths.AlwaysUnknown), Or<Value, ValueResult>(left, right, slow));

    /// <summary>False if either side is false; true if both are true; otherwise unknown.</summary>
    private static Func<EvalContext, TResult> And<TResult, TKind>(Func<EvalContext, Truth> l, Func<EvalContext, Truth> r, Func<EvalContext, TResult> unknown)
        where TKind : struct, IResultKind<TResult> => ctx =>
    {
        var a = l(ctx);
        if (a == Truth.False) return TKind.Of(false);
        var b = r(ctx);
        if (b == Truth.False) return TKind.Of(false);
        return a == Truth.Unknown || b == Truth.Unknown ? unknown(ctx) : TKind.Of(true);
    };

    /// <summary>True if either side is true; false if both are false; otherwise unknown.</summary>
    private static Func<EvalContext, TResult> Or<TResult, TKind>(Func<EvalContext, Truth> l, Func<EvalContext, Truth> r, Func<EvalContext, TResult> unknown)
        where TKind : struct, IResultKind<TResult> => ctx =>
    {
        var a = l(ctx);
        if (a == Truth.True) return TKind.Of(true);
        var c = r(ctx);
        if (c == Truth.True) return TKind.Of(true);
        return a == Truth.Unknown || c == Truth.Unknown ? unknown(ctx) : TKind.Of(false);
    };

    public static BooleanPaths Not(Func<EvalContext, Truth> operand, Func<EvalContext, Value> slow)
    {
        Func<EvalContext, Truth> test = ctx => Truths.Not(operand(ctx));
        return new(test, Truths.WithReasons(test, slow));
    }
}
