using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Binding;

public sealed partial class Binder
{
    private BoundExpression BindMember(MemberAccessSyntax m)
    {
        if (m.Target is NameSyntax { Name: "options" })
            return BindOption(m);

        var target = Bind(m.Target);
        if (target.Type == ExprType.Error)
            return BoundExpression.Error(m.Span);
        if (target.Type is CollectionType ct)
        {
            Report(KnownDiagnostics.UnknownMember, m.MemberSpan, target.Type, m.Member,
                $"; use an aggregate such as max({TextOf(m.Target.Span)}, it.{m.Member}) or any({TextOf(m.Target.Span)}, it.{m.Member} …)");
            return BoundExpression.Error(m.Span);
        }
        if (target.Type is not ItemType itemType)
        {
            Report(KnownDiagnostics.UnknownMember, m.MemberSpan, target.Type, m.Member, "");
            return BoundExpression.Error(m.Span);
        }
        if (!itemType.Members.TryGetValue(m.Member, out var member))
        {
            Report(KnownDiagnostics.UnknownMember, m.MemberSpan, itemType.Name, m.Member, DidYouMean.Suggest(m.Member, itemType.Members.Keys));
            return BoundExpression.Error(m.Span);
        }

        if (member.Requires is { } requirement)
            _requirements.Add(requirement);
        bool onScopeItem = m.Target is NameSyntax n && n.Name == _scope.ItemName;
        var get = member.Get;
        var delta = member.Delta;
        Func<EvalContext, Value> eval;
        Func<EvalContext, Value>? deltaEval = null;
        if (onScopeItem)
        {
            eval = ctx => get(ctx.Item!);
            if (delta is not null)
                deltaEval = ctx => delta(ctx.Item!);
        }
        else
        {
            var targetEval = target.Eval;
            eval = ctx => targetEval(ctx) is { IsUnknown: false } t ? get(t.Reference!) : Value.Unknown($"{itemType.Name} is unknown");
            if (delta is not null)
                deltaEval = ctx => targetEval(ctx) is { IsUnknown: false } t ? delta(t.Reference!) : Value.Unknown($"{itemType.Name} is unknown");
        }
        // Reading a counter member needs one sample; delta()/rate() over it add the two-sample requirement.
        if (onScopeItem)
            AddEvidence(m.Span, member.Type, eval, ctx => SourceOf(ctx.Item));
        var bound = new BoundExpression(member.Type, m.Span, eval) { Delta = deltaEval };
        bool onIt = m.Target is NameSyntax { Name: "it" } && _itType is not null && !onScopeItem;
        if (!onScopeItem && !onIt)
            return bound;
        return bound with
        {
            Number = member.Number?.Read(onIt),
            Text = member.Text?.Read(onIt),
            Member = new MemberRead(member, onIt),
        };
    }

    private static string? SourceOf(object? item) => item switch
    {
        ListenerInfo l => l.Source,
        ConnectionInfo c => c.Source,
        InterfaceInfo i => i.Source,
        Schema.SysctlItem s => s.Entry.Source,
        AppListenConfig a => a.Source,
        _ => null,
    };

    private void AddEvidence(TextSpan span, ExprType type, Func<EvalContext, Value> eval, Func<EvalContext, string?> source)
    {
        if (_itType is not null)
            return; // inside an aggregate the element changes; only whole aggregates are evidence
        var text = TextOf(span);
        if (_evidence.Exists(e => e.Expression == text))
            return;
        _evidence.Add(new EvidenceProbe(text, type, eval, source));
    }

    private BoundExpression BindOption(MemberAccessSyntax m)
    {
        if (!_options.TryGetValue(m.Member, out var type))
        {
            Report(KnownDiagnostics.UnknownOption, m.MemberSpan, m.Member, DidYouMean.Suggest(m.Member, _options.Keys));
            return BoundExpression.Error(m.Span);
        }
        var name = m.Member;
        var missing = Value.Unknown($"option {name} has no value");
        // A context's options do not change, but a lookup in the rule's immutable dictionary costs more than the rest
        // of a typical condition: remember the value found in the last dictionary seen. The pair is one immutable
        // object, so concurrent evaluations never see a value from another dictionary.
        OptionLookup? last = null;
        OptionLookup Lookup(EvalContext ctx)
        {
            var seen = last;
            if (seen is null || !ReferenceEquals(seen.Options, ctx.Options))
                last = seen = new OptionLookup(ctx.Options, ctx.Options.TryGetValue(name, out var v) ? v : missing);
            return seen;
        }
        var bound = new BoundExpression(type, m.Span, ctx => Lookup(ctx).Value);
        if (type.IsNumeric)
            return bound with { Number = ctx => Lookup(ctx).Number };
        return type == ExprType.String ? bound with { Text = ctx => Lookup(ctx).Text } : bound;
    }

    private sealed record OptionLookup(IReadOnlyDictionary<string, Value> Options, Value Value)
    {
        public double Number { get; } = Value is { IsUnknown: false, Kind: ValueKind.Number } v ? v.Number : double.NaN;
        public string? Text { get; } = Value is { IsUnknown: false, Kind: ValueKind.String } v ? v.Text : null;
    }

    private BoundExpression BindIndex(IndexSyntax i)
    {
        var target = Bind(i.Target);
        var index = Bind(i.Index);
        if (target.Type == ExprType.Error || index.Type == ExprType.Error)
            return BoundExpression.Error(i.Span);
        if (target.Type != ExprType.IntegerList || index.Type != ExprType.Integer)
        {
            Report(KnownDiagnostics.BinaryOperatorMismatch, i.Span, "[]", target.Type, index.Type);
            return BoundExpression.Error(i.Span);
        }
        var t = target.Eval;
        var x = index.Eval;
        var text = TextOf(i.Target.Span);
        return new BoundExpression(ExprType.Integer, i.Span, ctx =>
        {
            var list = t(ctx);
            var k = x(ctx);
            if (list.IsUnknown) return list;
            if (k.IsUnknown) return k;
            int idx = (int)k.Number;
            return idx >= 0 && idx < list.List.Length ? Value.FromNumber(list.List[idx])
                : Value.Unknown($"{text} has {list.List.Length} number(s), no index {idx}");
        });
    }

    private BoundExpression BindList(ListSyntax l)
    {
        var items = l.Items.Select(Bind).ToImmutableArray();
        if (items.Any(x => x.Type == ExprType.Error))
            return BoundExpression.Error(l.Span);
        if (items.Length == 0 || items.All(x => x.Type == ExprType.Integer))
        {
            var evals = items.Select(x => x.Eval).ToArray();
            return new BoundExpression(ExprType.IntegerList, l.Span, ctx =>
            {
                var b = ImmutableArray.CreateBuilder<long>(evals.Length);
                foreach (var e in evals)
                {
                    var v = e(ctx);
                    if (v.IsUnknown) return v;
                    b.Add((long)v.Number);
                }
                return Value.FromList(b.MoveToImmutable());
            });
        }
        if (items.All(x => x.Type == ExprType.String && x.Constant is not null))
        {
            var strings = Value.FromStrings(items.Select(x => x.Constant!.Value.Text).ToImmutableArray());
            return Literal(ExprType.StringList, l.Span, strings);
        }
        Report(KnownDiagnostics.SyntaxError, l.Span, "A list holds integers or string literals, all of one type");
        return BoundExpression.Error(l.Span);
    }
}
