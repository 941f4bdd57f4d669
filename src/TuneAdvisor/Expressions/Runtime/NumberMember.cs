using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// Typed access to a numeric member for compiled fast paths: closures that call the schema's getter directly on the
/// scope item (or on <c>it</c> inside an aggregate), with no <see cref="Value"/> in between. They only tell that the
/// member is unknown (NaN, <see cref="Truth.Unknown"/>); the member's <see cref="MemberDefinition.Get"/> tells why.
/// </summary>
public abstract class NumberMember
{
    public static NumberMember Create<T>(Func<T, double?> get) where T : class => new Typed<T>(get);

    /// <summary>The member's value on the current item, NaN when it is unknown.</summary>
    public abstract Func<EvalContext, double> Read(bool onIt);

    /// <summary>
    /// <c>member op limit</c> in one closure, the common shape of a condition; <paramref name="slow"/> is the
    /// comparison's Value path, asked for the reason when the member is unknown.
    /// </summary>
    public abstract BooleanPaths Compare(TokenKind op, double limit, bool onIt, Func<EvalContext, Value> slow);

    /// <summary><c>member op right</c> in one closure around the getter and <paramref name="right"/>'s fast path.</summary>
    public abstract BooleanPaths Compare(TokenKind op, Func<EvalContext, double> right, bool onIt, Func<EvalContext, Value> slow);

    internal static object ItemOf(EvalContext ctx, bool onIt) => (onIt ? ctx.It : ctx.Item)!;

    private sealed class Typed<T>(Func<T, double?> get) : NumberMember where T : class
    {
        public override Func<EvalContext, double> Read(bool onIt) => ctx => get((T)ItemOf(ctx, onIt)) ?? double.NaN;

        public override BooleanPaths Compare(TokenKind op, double limit, bool onIt, Func<EvalContext, Value> slow) =>
            Comparisons.Paths(op, new WithLimit(get, limit, onIt), slow);

        public override BooleanPaths Compare(TokenKind op, Func<EvalContext, double> right, bool onIt, Func<EvalContext, Value> slow) =>
            Comparisons.Paths(op, new WithRight(get, right, onIt), slow);

        private readonly struct WithLimit(Func<T, double?> get, double limit, bool onIt) : IComparisonBuilder
        {
            public Func<EvalContext, TResult> Build<TOp, TResult, TKind>(Func<EvalContext, TResult> unknown)
                where TOp : struct, IComparison
                where TKind : struct, IResultKind<TResult>
            {
                var (g, k, it) = (get, limit, onIt);
                return ctx => g((T)ItemOf(ctx, it)) is { } v ? TKind.Of(TOp.Holds(v, k)) : unknown(ctx);
            }
        }

        private readonly struct WithRight(Func<T, double?> get, Func<EvalContext, double> right, bool onIt) : IComparisonBuilder
        {
            public Func<EvalContext, TResult> Build<TOp, TResult, TKind>(Func<EvalContext, TResult> unknown)
                where TOp : struct, IComparison
                where TKind : struct, IResultKind<TResult>
            {
                var (g, r, it) = (get, right, onIt);
                return ctx => g((T)ItemOf(ctx, it)) is { } v && r(ctx) is var y && !double.IsNaN(y) ? TKind.Of(TOp.Holds(v, y)) : unknown(ctx);
            }
        }
    }
}
