using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// Typing rules for arithmetic and comparisons. Integer and Number are dimensionless; Bytes, Duration and Percent
/// carry a unit. A bare Integer mixes with Bytes (a byte count) but not with Duration (5 what?), so rule authors
/// write 100ms or 5s and never guess the unit.
/// </summary>
public static class Arithmetic
{
    private static bool IsScalar(ExprType t) => t == ExprType.Integer || t == ExprType.Number;

    public static bool AreComparable(ExprType a, ExprType b)
    {
        if (!a.IsNumeric || !b.IsNumeric) return false;
        if (a == b) return true;
        if (IsScalar(a) && IsScalar(b)) return true;
        if ((a == ExprType.Bytes && b == ExprType.Integer) || (a == ExprType.Integer && b == ExprType.Bytes)) return true;
        // A fraction compares with a percent: recv_q / send_q >= 90%.
        if ((a == ExprType.Number && b == ExprType.Percent) || (a == ExprType.Percent && b == ExprType.Number)) return true;
        return false;
    }

    public static ExprType? ResultType(TokenKind op, ExprType a, ExprType b)
    {
        if (!a.IsNumeric || !b.IsNumeric) return null;
        switch (op)
        {
            case TokenKind.Plus or TokenKind.Minus:
                if (a == b) return a;
                if (IsScalar(a) && IsScalar(b)) return ExprType.Number;
                if (a == ExprType.Bytes && b == ExprType.Integer || a == ExprType.Integer && b == ExprType.Bytes) return ExprType.Bytes;
                return null;
            case TokenKind.Star:
                if (a == ExprType.Integer && b == ExprType.Integer) return ExprType.Integer;
                if (IsScalar(a) && IsScalar(b)) return ExprType.Number;
                if (IsScalar(a) || a == ExprType.Percent) return b == ExprType.Percent || IsScalar(b) ? ExprType.Number : b;
                if (IsScalar(b) || b == ExprType.Percent) return a;
                return null;
            case TokenKind.Slash:
                if (a == b) return ExprType.Number;
                if (IsScalar(a) && IsScalar(b)) return ExprType.Number;
                if (IsScalar(b)) return a;
                if (a == ExprType.Bytes && b == ExprType.Duration) return ExprType.Number; // bytes per second
                if (a == ExprType.Integer && b == ExprType.Bytes || a == ExprType.Bytes && b == ExprType.Integer) return ExprType.Number;
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>left op right</c>: the Value path, which says which operand is unknown or that a divisor is zero, and a
    /// numeric fast path (NaN for all of those) specialised per operator and for a literal on either side.
    /// </summary>
    public static BoundExpression Bind(TokenKind op, ExprType type, TextSpan span, BoundExpression left, BoundExpression right) =>
        new(type, span, Slow(op, left.Eval, right.Eval))
        {
            Number = op switch
            {
                TokenKind.Plus => Fast<Plus>(left, right),
                TokenKind.Minus => Fast<Minus>(left, right),
                TokenKind.Star => Fast<Times>(left, right),
                _ => Fast<Divide>(left, right),
            },
        };

    private static Func<EvalContext, double> Fast<TOp>(BoundExpression left, BoundExpression right) where TOp : struct, IOperator
    {
        if (right.Constant is { IsUnknown: false } rc)
        {
            var (l, y) = (left.NumberPath(), rc.Number);
            return ctx => TOp.Apply(l(ctx), y);
        }
        if (left.Constant is { IsUnknown: false } lc)
        {
            var (x, r) = (lc.Number, right.NumberPath());
            return ctx => TOp.Apply(x, r(ctx));
        }
        var (a, b) = (left.NumberPath(), right.NumberPath());
        return ctx => TOp.Apply(a(ctx), b(ctx));
    }

    /// <summary>An arithmetic operator as a type; NaN in (an unknown operand) is NaN out.</summary>
    private interface IOperator
    {
        static abstract double Apply(double x, double y);
    }

    private readonly struct Plus : IOperator { public static double Apply(double x, double y) => x + y; }
    private readonly struct Minus : IOperator { public static double Apply(double x, double y) => x - y; }
    private readonly struct Times : IOperator { public static double Apply(double x, double y) => x * y; }
    /// <summary>A zero divisor is NaN, so the caller asks the Value path, which says "division by zero".</summary>
    private readonly struct Divide : IOperator { public static double Apply(double x, double y) => y == 0 ? double.NaN : x / y; }

    private static Func<EvalContext, Value> Slow(TokenKind op, Func<EvalContext, Value> l, Func<EvalContext, Value> r)
    {
        Func<double, double, double> f = op switch
        {
            TokenKind.Plus => static (x, y) => x + y,
            TokenKind.Minus => static (x, y) => x - y,
            TokenKind.Star => static (x, y) => x * y,
            _ => static (x, y) => x / y,
        };
        bool divide = op == TokenKind.Slash;
        return ctx =>
        {
            var x = l(ctx);
            if (x.IsUnknown) return x.WithoutBound();
            var y = r(ctx);
            if (y.IsUnknown) return y.WithoutBound();
            if (divide && y.Number == 0)
                return Value.Unknown("division by zero");
            return Value.FromNumber(f(x.Number, y.Number));
        };
    }
}
