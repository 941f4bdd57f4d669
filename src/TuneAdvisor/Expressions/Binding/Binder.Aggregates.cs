using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Expressions.Binding;

public sealed partial class Binder
{
    /// <summary>Binds <paramref name="syntax"/> with <c>it</c> standing for one element of <paramref name="element"/>.</summary>
    private BoundExpression BindWithIt(ExpressionSyntax syntax, ItemType element)
    {
        var saved = _itType;
        _itType = element;
        try
        {
            return Bind(syntax);
        }
        finally
        {
            _itType = saved;
        }
    }

    /// <summary>
    /// <c>listeners where it.protocol == "tcp"</c>: the elements whose predicate is true. An element whose predicate is
    /// unknown makes the whole filtered collection unknown (with that reason): dropping it could hide the answer.
    /// </summary>
    private BoundExpression BindWhere(WhereSyntax w)
    {
        var collection = Bind(w.Collection);
        if (collection.Type == ExprType.Error)
            return BoundExpression.Error(w.Span);
        if (collection.Type is not CollectionType ct)
        {
            Report(KnownDiagnostics.InvalidFilter, w.KeywordSpan, "a collection such as listeners on its left", collection.Type);
            return BoundExpression.Error(w.Span);
        }
        var predicate = BindWithIt(w.Predicate, ct.Element);
        if (predicate.Type == ExprType.Error)
            return BoundExpression.Error(w.Span);
        if (predicate.Type != ExprType.Boolean)
        {
            Report(KnownDiagnostics.InvalidFilter, w.Predicate.Span, "a Boolean predicate over 'it'", predicate.Type);
            return BoundExpression.Error(w.Span);
        }
        var items = collection.Eval;
        var test = predicate.Eval;
        return new BoundExpression(ct, w.Span, ctx =>
        {
            var list = items(ctx);
            if (list.IsUnknown) return list;
            var elements = (IReadOnlyList<object>)list.Reference!;
            var kept = new List<object>(elements.Count);
            var saved = ctx.It;
            try
            {
                foreach (var e in elements)
                {
                    ctx.It = e;
                    var v = test(ctx);
                    if (v.IsUnknown) return v;
                    if (v.Boolean) kept.Add(e);
                }
            }
            finally
            {
                ctx.It = saved;
            }
            return Value.FromCollection(kept);
        });
    }

    private CollectionType? BindCollectionArgument(CallSyntax c, out BoundExpression collection)
    {
        collection = Bind(c.Arguments[0]);
        if (collection.Type == ExprType.Error)
            return null;
        if (collection.Type is CollectionType ct)
            return ct;
        Report(KnownDiagnostics.ArgumentTypeMismatch, c.Arguments[0].Span, 1, c.Name, "a collection such as listeners", collection.Type);
        return null;
    }

    private BoundExpression BindQuantifier(CallSyntax c)
    {
        if (!CheckArity(c, c.Name == "count" ? 1 : 2, 2) || BindCollectionArgument(c, out var collection) is not { } ct)
            return BoundExpression.Error(c.Span);
        Func<EvalContext, Value>? predicate = null;
        if (c.Arguments.Length == 2)
        {
            var p = BindWithIt(c.Arguments[1], ct.Element);
            if (p.Type == ExprType.Error)
                return BoundExpression.Error(c.Span);
            if (p.Type != ExprType.Boolean)
            {
                Report(KnownDiagnostics.ArgumentTypeMismatch, c.Arguments[1].Span, 2, c.Name, ExprType.Boolean, p.Type);
                return BoundExpression.Error(c.Span);
            }
            predicate = p.Eval;
        }
        var items = collection.Eval;
        var kind = c.Name;
        BoundExpression result = new(kind == "count" ? ExprType.Integer : ExprType.Boolean, c.Span, ctx =>
        {
            var list = items(ctx);
            if (list.IsUnknown) return list;
            var elements = (IReadOnlyList<object>)list.Reference!;
            if (predicate is null)
                return Value.FromNumber(elements.Count);
            int matches = 0;
            Value? unknown = null;
            foreach (var v in Project(ctx, elements, predicate))
            {
                if (v.IsUnknown) { unknown ??= v; continue; }
                if (v.Boolean)
                {
                    matches++;
                    if (kind == "any") return Value.True;
                }
                else if (kind == "all")
                {
                    return Value.False;
                }
            }
            if (unknown is { } u) return u;
            return kind switch { "any" => Value.False, "all" => Value.True, _ => Value.FromNumber(matches) };
        });
        AddEvidence(c.Span, result.Type, result.Eval, _ => null);
        return result;
    }

    private BoundExpression BindMinMaxSum(CallSyntax c)
    {
        if (!CheckArity(c, 2, 2))
            return BoundExpression.Error(c.Span);
        var first = Bind(c.Arguments[0]);
        if (first.Type == ExprType.Error)
            return BoundExpression.Error(c.Span);
        if (first.Type is CollectionType ct)
            return BindCollectionFold(c, first, ct);
        var second = Bind(c.Arguments[1]);
        if (second.Type == ExprType.Error)
            return BoundExpression.Error(c.Span);
        if (c.Name == "sum" || !Arithmetic.AreComparable(first.Type, second.Type))
        {
            Report(KnownDiagnostics.ArgumentTypeMismatch, c.Arguments[1].Span, 2, c.Name, c.Name == "sum" ? "a projection over a collection" : first.Type, second.Type);
            return BoundExpression.Error(c.Span);
        }
        var type = first.Type == second.Type ? first.Type : first.Type == ExprType.Integer ? second.Type : first.Type;
        var a = first.Eval;
        var b = second.Eval;
        bool isMax = c.Name == "max";
        return new BoundExpression(type, c.Span, ctx =>
        {
            var x = a(ctx);
            if (x.IsUnknown) return x;
            var y = b(ctx);
            if (y.IsUnknown) return y;
            return Value.FromNumber(isMax ? Math.Max(x.Number, y.Number) : Math.Min(x.Number, y.Number));
        });
    }

    private BoundExpression BindCollectionFold(CallSyntax c, BoundExpression collection, CollectionType ct)
    {
        var projection = BindWithIt(c.Arguments[1], ct.Element);
        if (projection.Type == ExprType.Error)
            return BoundExpression.Error(c.Span);
        if (!projection.Type.IsNumeric)
        {
            Report(KnownDiagnostics.ArgumentTypeMismatch, c.Arguments[1].Span, 2, c.Name, "a number", projection.Type);
            return BoundExpression.Error(c.Span);
        }
        var items = collection.Eval;
        var project = projection.Eval;
        var kind = c.Name;
        var what = TextOf(c.Arguments[0].Span);
        BoundExpression result = new(projection.Type, c.Span, ctx =>
        {
            var list = items(ctx);
            if (list.IsUnknown) return list;
            var elements = (IReadOnlyList<object>)list.Reference!;
            if (elements.Count == 0)
                return kind == "sum" ? Value.FromNumber(0) : Value.Unknown($"there are no {what}");
            double acc = kind == "max" ? double.NegativeInfinity : kind == "min" ? double.PositiveInfinity : 0;
            foreach (var v in Project(ctx, elements, project))
            {
                if (v.IsUnknown) return v;
                acc = kind switch { "max" => Math.Max(acc, v.Number), "min" => Math.Min(acc, v.Number), _ => acc + v.Number };
            }
            return Value.FromNumber(acc);
        });
        AddEvidence(c.Span, result.Type, result.Eval, _ => null);
        return result;
    }

    /// <summary>
    /// <paramref name="perElement"/> for each element, with <c>it</c> bound to that element while it runs; the
    /// caller's <c>it</c> is restored when the loop ends, however it ends (an aggregate nested in another's projection).
    /// </summary>
    private static IEnumerable<Value> Project(EvalContext ctx, IReadOnlyList<object> elements, Func<EvalContext, Value> perElement)
    {
        var saved = ctx.It;
        try
        {
            foreach (var e in elements)
            {
                ctx.It = e;
                yield return perElement(ctx);
            }
        }
        finally
        {
            ctx.It = saved;
        }
    }

    private BoundExpression BindConversion(CallSyntax c)
    {
        if (!CheckArity(c, 1, 1))
            return BoundExpression.Error(c.Span);
        var arg = Bind(c.Arguments[0]);
        if (arg.Type == ExprType.Error)
            return BoundExpression.Error(c.Span);
        var e = arg.Eval;
        var text = TextOf(c.Arguments[0].Span);
        var argType = arg.Type;
        (ExprType Type, Func<EvalContext, Value> Eval)? bound = (c.Name, arg.Type) switch
        {
            ("int", var t) when t == ExprType.String => (ExprType.Integer, ctx => e(ctx) is { IsUnknown: false } v
                ? long.TryParse(v.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? Value.FromNumber(n) : Value.Unknown($"{text} = '{v.Text}' is not an integer")
                : e(ctx)),
            ("int", var t) when t.IsNumeric => (ExprType.Integer, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromNumber(Math.Truncate(v.Number)) : e(ctx)),
            ("str", _) => (ExprType.String, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromString(v.Format(argType)) : e(ctx)),
            ("bytes", var t) when t == ExprType.Integer || t == ExprType.Number => (ExprType.Bytes, e),
            ("percent", var t) when t == ExprType.Integer || t == ExprType.Number => (ExprType.Percent, e),
            ("version", var t) when t == ExprType.String => (ExprType.Version, ctx => e(ctx) is { IsUnknown: false } v
                ? KernelVersion.TryParse(v.Text, out var ver) ? Value.FromVersion(ver) : Value.Unknown($"'{v.Text}' is not a version")
                : e(ctx)),
            ("abs", var t) when t.IsNumeric => (t, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromNumber(Math.Abs(v.Number)) : e(ctx)),
            ("len", var t) when t == ExprType.String => (ExprType.Integer, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromNumber(v.Text.Length) : e(ctx)),
            ("len", var t) when t == ExprType.IntegerList => (ExprType.Integer, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromNumber(v.List.Length) : e(ctx)),
            ("len", var t) when t == ExprType.StringList => (ExprType.Integer, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromNumber(v.Strings.Length) : e(ctx)),
            ("len", CollectionType) => (ExprType.Integer, ctx => e(ctx) is { IsUnknown: false } v ? Value.FromNumber(((IReadOnlyList<object>)v.Reference!).Count) : e(ctx)),
            _ => null,
        };
        if (bound is null)
        {
            Report(KnownDiagnostics.ArgumentTypeMismatch, c.Arguments[0].Span, 1, c.Name, ExpectedFor(c.Name), arg.Type);
            return BoundExpression.Error(c.Span);
        }
        return new BoundExpression(bound.Value.Type, c.Span, bound.Value.Eval) { Delta = c.Name == "int" || c.Name == "bytes" ? arg.Delta : null };
    }

    private static string ExpectedFor(string function) => function switch
    {
        "int" => "String or a number",
        "bytes" or "percent" => "Integer or Number",
        "version" => "String",
        "abs" => "a number",
        "len" => "a String, a list or a collection",
        _ => "a value",
    };

    private BoundExpression BindStringTest(CallSyntax c)
    {
        if (!CheckArity(c, 2, 2))
            return BoundExpression.Error(c.Span);
        var s = Bind(c.Arguments[0]);
        var p = Bind(c.Arguments[1]);
        if (s.Type == ExprType.Error || p.Type == ExprType.Error)
            return BoundExpression.Error(c.Span);
        for (int i = 0; i < 2; i++)
        {
            var t = i == 0 ? s.Type : p.Type;
            if (t != ExprType.String)
            {
                Report(KnownDiagnostics.ArgumentTypeMismatch, c.Arguments[i].Span, i + 1, c.Name, ExprType.String, t);
                return BoundExpression.Error(c.Span);
            }
        }
        Func<string, string, bool> test = c.Name switch
        {
            "startswith" => static (a, b) => a.StartsWith(b, StringComparison.Ordinal),
            "endswith" => static (a, b) => a.EndsWith(b, StringComparison.Ordinal),
            _ => static (a, b) => a.Contains(b, StringComparison.Ordinal),
        };
        var se = s.Eval;
        var pe = p.Eval;
        return new BoundExpression(ExprType.Boolean, c.Span, ctx =>
        {
            var a = se(ctx);
            if (a.IsUnknown) return a;
            var b = pe(ctx);
            return b.IsUnknown ? b : Value.FromBoolean(test(a.Text, b.Text));
        });
    }
}
