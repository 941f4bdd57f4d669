using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Expressions;

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
            return new BoundExpression(ExprType.Boolean, u.Span, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromBoolean(!v.Boolean) : e(ctx));
        if (u.Operator == TokenKind.Minus && operand.Type.IsNumeric)
            return new BoundExpression(operand.Type, u.Span, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromNumber(-v.Number) : e(ctx));
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
                    return Logical(b, left.Eval, right.Eval);
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
                    return Arithmetic.Bind(b.Operator, type, b.Span, left.Eval, right.Eval);
                break;
        }
        Report(KnownDiagnostics.BinaryOperatorMismatch, b.OperatorSpan, OperatorText(b.Operator), left.Type, right.Type);
        return BoundExpression.Error(b.Span);
    }

    /// <summary>Kleene three-valued logic: false and unknown = false; true or unknown = true; otherwise unknown stays unknown.</summary>
    private static BoundExpression Logical(BinarySyntax b, Func<EvalContext, Value> l, Func<EvalContext, Value> r)
    {
        if (b.Operator == TokenKind.And)
        {
            return new BoundExpression(ExprType.Boolean, b.Span, ctx =>
            {
                var a = l(ctx);
                if (!a.IsUnknown && !a.Boolean) return Value.False;
                var c = r(ctx);
                if (!c.IsUnknown && !c.Boolean) return Value.False;
                return a.IsUnknown ? a : c;
            });
        }
        return new BoundExpression(ExprType.Boolean, b.Span, ctx =>
        {
            var a = l(ctx);
            if (!a.IsUnknown && a.Boolean) return Value.True;
            var c = r(ctx);
            if (!c.IsUnknown && c.Boolean) return Value.True;
            return a.IsUnknown ? a : c;
        });
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

        Func<Value, Value, int>? compare = null;
        if (Arithmetic.AreComparable(left.Type, right.Type))
            compare = static (x, y) => x.Number.CompareTo(y.Number);
        else if (left.Type == ExprType.String && right.Type == ExprType.String)
            compare = static (x, y) => string.CompareOrdinal(x.Text, y.Text);
        else if (left.Type == ExprType.Version && right.Type == ExprType.Version)
            compare = static (x, y) => x.VersionValue.CompareTo(y.VersionValue);
        else if (left.Type == ExprType.Boolean && right.Type == ExprType.Boolean && op is TokenKind.EqualEqual or TokenKind.BangEqual)
            compare = static (x, y) => x.Boolean.CompareTo(y.Boolean);
        if (compare is null)
            return null;

        Func<int, bool> test = op switch
        {
            TokenKind.Less => static c => c < 0,
            TokenKind.LessEqual => static c => c <= 0,
            TokenKind.Greater => static c => c > 0,
            TokenKind.GreaterEqual => static c => c >= 0,
            TokenKind.EqualEqual => static c => c == 0,
            _ => static c => c != 0,
        };
        var l = left.Eval;
        var r = right.Eval;
        return new BoundExpression(ExprType.Boolean, b.Span, ctx =>
        {
            var x = l(ctx);
            if (x.IsUnknown) return x;
            var y = r(ctx);
            if (y.IsUnknown) return y;
            return Value.FromBoolean(test(compare(x, y)));
        });
    }

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
            return new BoundExpression(ExprType.Boolean, b.Span, ctx =>
            {
                var x = l(ctx);
                if (x.IsUnknown) return x;
                var y = r(ctx);
                return y.IsUnknown ? y : Value.FromBoolean(y.Strings.Contains(x.Text));
            });
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
