using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Expressions.Binding;

public sealed partial class Binder
{
    private static string OperatorText(TokenKind kind) => kind switch
    {
        TokenKind.Plus => "+", TokenKind.Minus => "-", TokenKind.Star => "*", TokenKind.Slash => "/",
        TokenKind.Less => "<", TokenKind.LessEqual => "<=", TokenKind.Greater => ">", TokenKind.GreaterEqual => ">=",
        TokenKind.EqualEqual => "==", TokenKind.BangEqual => "!=", TokenKind.And => "and", TokenKind.Or => "or",
        TokenKind.Not => "not", TokenKind.In => "in", _ => kind.ToString(),
    };

    private BoundExpression BindUnary(UnarySyntax u)
    {
        var operand = Bind(u.Operand);
        if (operand.Type == ExprType.Error)
            return BoundExpression.Error(u.Span);
        var e = operand.Eval;
        if (u.Operator == TokenKind.Not && operand.Type == ExprType.Boolean)
        {
            return FastPaths.Not(operand.TestPath(), ctx => e(ctx) is { IsUnknown: false } v ? Value.FromBoolean(!v.Boolean) : e(ctx)).Bind(u.Span);
        }
        if (u.Operator == TokenKind.Minus && operand.Type.IsNumeric)
        {
            var number = operand.NumberPath();
            return new BoundExpression(operand.Type, u.Span, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromNumber(-v.Number) : e(ctx).WithoutBound())
            {
                Number = ctx => -number(ctx),
            };
        }
        Report(KnownDiagnostics.UnaryOperatorMismatch, u.OperatorSpan, OperatorText(u.Operator), operand.Type);
        return BoundExpression.Error(u.Span);
    }

    private BoundExpression BindBinary(BinarySyntax b)
    {
        var left = Bind(b.Left);
        var right = Bind(b.Right);
        if (left.Type == ExprType.Error || right.Type == ExprType.Error)
            return BoundExpression.Error(b.Span);

        switch (b.Operator)
        {
            case TokenKind.And or TokenKind.Or:
                if (left.Type == ExprType.Boolean && right.Type == ExprType.Boolean)
                    return Logical(b, left, right);
                break;
            case TokenKind.In:
                if (BindIn(b, left, right) is { } inExpr)
                    return inExpr;
                break;
            case TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.EqualEqual or TokenKind.BangEqual:
                if (BindComparison(b, left, right) is { } cmp)
                    return cmp;
                break;
            default:
                if (Arithmetic.ResultType(b.Operator, left.Type, right.Type) is { } type)
                    return Arithmetic.Bind(b.Operator, type, b.Span, left, right);
                break;
        }
        Report(KnownDiagnostics.BinaryOperatorMismatch, b.OperatorSpan, OperatorText(b.Operator), left.Type, right.Type);
        return BoundExpression.Error(b.Span);
    }

    /// <summary>
    /// Kleene three-valued logic: false and unknown = false; true or unknown = true; otherwise unknown stays unknown,
    /// with the left operand's reason if both are unknown.
    /// </summary>
    private static BoundExpression Logical(BinarySyntax b, BoundExpression left, BoundExpression right)
    {
        bool and = b.Operator == TokenKind.And;
        return FastPaths.Logical(and, left.TestPath(), right.TestPath(), SlowLogical(and, left.Eval, right.Eval)).Bind(b.Span);
    }

    private static Func<EvalContext, Value> SlowLogical(bool and, Func<EvalContext, Value> l, Func<EvalContext, Value> r)
    {
        if (and)
        {
            return ctx =>
            {
                var a = l(ctx);
                if (!a.IsUnknown && !a.Boolean) return Value.False;
                var c = r(ctx);
                if (!c.IsUnknown && !c.Boolean) return Value.False;
                return a.IsUnknown ? a : c;
            };
        }
        return ctx =>
        {
            var a = l(ctx);
            if (!a.IsUnknown && a.Boolean) return Value.True;
            var c = r(ctx);
            if (!c.IsUnknown && c.Boolean) return Value.True;
            return a.IsUnknown ? a : c;
        };
    }

    private BoundExpression? BindComparison(BinarySyntax b, BoundExpression left, BoundExpression right)
    {
        var op = b.Operator;
        // A string literal compared with a version is a version literal: kernel >= "5.4".
        if (left.Type == ExprType.Version && right.Type == ExprType.String)
            right = AsVersion(right);
        else if (left.Type == ExprType.String && right.Type == ExprType.Version)
            left = AsVersion(left);
        if (left.Type == ExprType.Error || right.Type == ExprType.Error)
            return BoundExpression.Error(b.Span);

        // Numbers are the hot path of most conditions: compare them inline rather than through two more delegates,
        // and read a literal on the right (recv_q > 0, rtt > 100ms) once instead of calling it for every item.
        // The fast path (FastPaths.Compare) fuses a member with a literal into one closure.
        if (Arithmetic.AreComparable(left.Type, right.Type))
            return FastPaths.Compare(op, left, right, right.Constant is { IsUnknown: false } k
                ? CompareNumbers(op, left.Eval, left.Member is not null, k.Number)
                : CompareNumbers(op, left.Eval, left.Member is not null, right.Eval, right.Member is not null)).Bind(b.Span);

        // Likewise a string against a literal (state == "ESTAB"): equality needs no ordering, only string.Equals.
        if (left.Type == ExprType.String && right.Type == ExprType.String && right.Constant is { IsUnknown: false } text
            && op is TokenKind.EqualEqual or TokenKind.BangEqual)
            return FastPaths.InTexts(left, [text.Text], op == TokenKind.BangEqual, EqualsText(op == TokenKind.EqualEqual, left.Eval, text.Text)).Bind(b.Span);

        Func<Value, Value, int>? compare = null;
        if (left.Type == ExprType.String && right.Type == ExprType.String)
            compare = static (x, y) => string.CompareOrdinal(x.Text, y.Text);
        else if (left.Type == ExprType.Version && right.Type == ExprType.Version)
            compare = static (x, y) => x.VersionValue.CompareTo(y.VersionValue);
        else if (left.Type == ExprType.Boolean && right.Type == ExprType.Boolean && op is TokenKind.EqualEqual or TokenKind.BangEqual)
            compare = static (x, y) => x.Boolean.CompareTo(y.Boolean);
        if (compare is null)
            return null;

        var l = left.Eval;
        var r = right.Eval;
        return new BoundExpression(ExprType.Boolean, b.Span, ctx =>
        {
            var x = l(ctx);
            if (x.IsUnknown) return x;
            var y = r(ctx);
            if (y.IsUnknown) return y;
            return Value.FromBoolean(Holds(op, compare(x, y)));
        });
    }

    /// <param name="bounded">The left operand reads a member directly, so the bounds it carries may decide (see <see cref="LowerBounds"/>).</param>
    private static Func<EvalContext, Value> CompareNumbers(TokenKind op, Func<EvalContext, Value> l, bool bounded, double limit) => ctx =>
    {
        var x = l(ctx);
        if (!x.IsUnknown)
            return Value.FromBoolean(Holds(op, x.Number.CompareTo(limit)));
        return bounded && x.LowerBound is { } n && LowerBounds.Within(op, n, x.UpperBound, limit) is { } known ? Value.FromBoolean(known) : x.WithoutBound();
    };

    private static Func<EvalContext, Value> CompareNumbers(TokenKind op, Func<EvalContext, Value> l, bool leftBounded, Func<EvalContext, Value> r, bool rightBounded) => ctx =>
    {
        var x = l(ctx);
        var y = r(ctx);
        if (!x.IsUnknown && !y.IsUnknown)
            return Value.FromBoolean(Holds(op, x.Number.CompareTo(y.Number)));
        return LowerBounds.Compare(op, x, leftBounded, y, rightBounded) is { } known ? Value.FromBoolean(known) : LowerBounds.Undecided(x, y);
    };

    private static Func<EvalContext, Value> EqualsText(bool equal, Func<EvalContext, Value> l, string text) => ctx =>
    {
        var x = l(ctx);
        return x.IsUnknown ? x : Value.FromBoolean(string.Equals(x.Text, text, StringComparison.Ordinal) == equal);
    };

    /// <summary>Whether a comparison result (negative, zero, positive) satisfies the operator.</summary>
    private static bool Holds(TokenKind op, int comparison) => op switch
    {
        TokenKind.Less => comparison < 0,
        TokenKind.LessEqual => comparison <= 0,
        TokenKind.Greater => comparison > 0,
        TokenKind.GreaterEqual => comparison >= 0,
        TokenKind.EqualEqual => comparison == 0,
        _ => comparison != 0,
    };

    private BoundExpression AsVersion(BoundExpression e)
    {
        if (e.Constant is { } c && KernelVersion.TryParse(c.Text, out var v))
            return Literal(ExprType.Version, e.Span, Value.FromVersion(v));
        Report(KnownDiagnostics.InvalidLiteral, e.Span, TextOf(e.Span), "a version must be a literal such as \"5.4\" or \"4.19.0\"");
        return BoundExpression.Error(e.Span);
    }

    private BoundExpression? BindIn(BinarySyntax b, BoundExpression left, BoundExpression right)
    {
        var l = left.Eval;
        var r = right.Eval;
        if (left.Type == ExprType.String && right.Type == ExprType.StringList)
        {
            Func<EvalContext, Value> slow = ctx =>
            {
                var x = l(ctx);
                if (x.IsUnknown) return x;
                var y = r(ctx);
                return y.IsUnknown ? y : Value.FromBoolean(y.Strings.Contains(x.Text));
            };
            return right.Constant is { IsUnknown: false } list
                ? FastPaths.InTexts(left, list.Strings, negate: false, slow).Bind(b.Span)
                : new BoundExpression(ExprType.Boolean, b.Span, slow);
        }
        if ((left.Type == ExprType.Integer || left.Type == ExprType.Bytes) && right.Type == ExprType.IntegerList)
            return new BoundExpression(ExprType.Boolean, b.Span, ctx =>
            {
                var x = l(ctx);
                if (x.IsUnknown) return x;
                var y = r(ctx);
                return y.IsUnknown ? y : Value.FromBoolean(y.List.Contains((long)x.Number));
            });
        return null;
    }
}
