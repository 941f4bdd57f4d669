using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Binding;

public sealed partial class Binder
{
    public static ImmutableArray<string> FunctionNames { get; } =
    [
        "sysctl", "has_sysctl", "configured", "counter", "gauge", "delta", "rate", "any", "all", "count", "min", "max", "sum",
        "int", "str", "bytes", "percent", "version", "len", "abs", "startswith", "endswith", "contains", "coalesce",
        "known",
    ];

    private BoundExpression BindCall(CallSyntax c)
    {
        switch (c.Name)
        {
            case "sysctl": return BindSysctl(c);
            case "has_sysctl": return BindHasSysctl(c);
            case "configured": return BindConfigured(c);
            case "counter": return BindCounter(c);
            case "gauge": return BindGauge(c);
            case "delta" or "rate": return BindDeltaRate(c);
            case "any" or "all" or "count": return BindQuantifier(c);
            case "min" or "max" or "sum": return BindMinMaxSum(c);
            case "int" or "str" or "bytes" or "percent" or "version" or "len" or "abs": return BindConversion(c);
            case "startswith" or "endswith" or "contains": return BindStringTest(c);
            case "coalesce": return BindCoalesce(c);
            case "known": return BindKnown(c);
        }
        Report(KnownDiagnostics.UnknownFunction, c.NameSpan, c.Name, DidYouMean.Suggest(c.Name, FunctionNames));
        foreach (var a in c.Arguments)
            Bind(a);
        return BoundExpression.Error(c.Span);
    }

    /// <summary><c>coalesce(x, fallback)</c>: x, or fallback when x is unknown; for remediations that must not render "unknown".</summary>
    private BoundExpression BindCoalesce(CallSyntax c)
    {
        if (!CheckArity(c, 2, 2))
            return BoundExpression.Error(c.Span);
        var first = Bind(c.Arguments[0]);
        var second = Bind(c.Arguments[1]);
        if (first.Type == ExprType.Error || second.Type == ExprType.Error)
            return BoundExpression.Error(c.Span);
        ExprType? type = first.Type == second.Type ? first.Type
            : Arithmetic.AreComparable(first.Type, second.Type) ? (first.Type == ExprType.Integer ? second.Type : first.Type)
            : null;
        if (type is null || type is CollectionType)
        {
            Report(KnownDiagnostics.ArgumentTypeMismatch, c.Arguments[1].Span, 2, c.Name, first.Type, second.Type);
            return BoundExpression.Error(c.Span);
        }
        var a = first.Eval;
        var b = second.Eval;
        return new BoundExpression(type, c.Span, ctx => a(ctx) is { IsUnknown: false } v ? v : b(ctx));
    }

    /// <summary>
    /// <c>known(x)</c>: true when x has a value, false when it is unknown; never unknown itself, so a rule can ask
    /// whether a source reports something (<c>not known(listener.send_q)</c>: netstat) or skip a counter that a kernel
    /// or a capture lacks (<c>known(counter("Udp6.RcvbufErrors")) and …</c>). A member read as a lower bound (a queue
    /// cut inside its digits, "at least 518") is known: the row gives its value, only not to the last digit. A value
    /// derived from a bound by an operator is plain unknown (see <see cref="LowerBounds"/>), and so is not known.
    /// </summary>
    private BoundExpression BindKnown(CallSyntax c)
    {
        if (!CheckArity(c, 1, 1))
            return BoundExpression.Error(c.Span);
        var arg = Bind(c.Arguments[0]);
        if (arg.Type == ExprType.Error)
            return BoundExpression.Error(c.Span);
        var eval = arg.Eval;
        Func<EvalContext, bool> known = ctx => eval(ctx) is var v && (!v.IsUnknown || v.LowerBound is not null);
        if (arg.Type.IsNumeric)
        {
            // A number's fast path says NaN for any unknown, a bound included: only then ask the Value path.
            var number = arg.NumberPath();
            Func<EvalContext, Truth> test = ctx => !double.IsNaN(number(ctx)) || known(ctx) ? Truth.True : Truth.False;
            return new BoundExpression(ExprType.Boolean, c.Span, ctx => Value.FromBoolean(test(ctx) == Truth.True)) { Test = test };
        }
        return new BoundExpression(ExprType.Boolean, c.Span, ctx => Value.FromBoolean(known(ctx))) { Test = ctx => Truths.Of(known(ctx)) };
    }

    private bool CheckArity(CallSyntax c, int min, int max)
    {
        if (c.Arguments.Length >= min && c.Arguments.Length <= max)
            return true;
        Report(KnownDiagnostics.WrongArgumentCount, c.Span, c.Name, min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} to {max}", c.Arguments.Length);
        return false;
    }

    /// <summary>Binds an argument that must be a string literal (a key or counter name), reporting otherwise.</summary>
    private string? ConstantString(CallSyntax c, int index)
    {
        var arg = Bind(c.Arguments[index]);
        if (arg.Type == ExprType.Error)
            return null;
        if (arg.Type != ExprType.String || arg.Constant is null)
        {
            Report(KnownDiagnostics.ArgumentTypeMismatch, c.Arguments[index].Span, index + 1, c.Name, "a string literal", arg.Type);
            return null;
        }
        return arg.Constant.Value.Text;
    }

    private BoundExpression BindSysctl(CallSyntax c)
    {
        if (!CheckArity(c, 1, 1) || ConstantString(c, 0) is not { } raw)
            return BoundExpression.Error(c.Span);
        var key = SysctlKey.Normalize(raw);
        ExprType type;
        if (SysctlCatalog.Types.TryGetValue(key, out var kind))
            type = kind switch
            {
                SysctlValueKind.Integer => ExprType.Integer,
                SysctlValueKind.Bytes => ExprType.Bytes,
                SysctlValueKind.IntegerList => ExprType.IntegerList,
                _ => ExprType.String,
            };
        else
        {
            type = ExprType.String;
            if (!SysctlCatalog.OpenPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
                Report(KnownDiagnostics.UnknownSysctlKey, c.Arguments[0].Span, key, DidYouMean.Suggest(key, SysctlCatalog.Types.Keys) + " (typed as String; convert with int())");
        }
        Require("sysctl values", SnapshotCapability.Sysctls, SnapshotCapability.ConfiguredSysctls);
        if (SysctlCatalog.RuntimeOnly.Contains(key))
            Require("running-kernel sysctl values", SnapshotCapability.Sysctls);
        var convert = SysctlValueConverter.For(type);
        Func<EvalContext, Value> eval = ctx => ctx.Snapshot.Sysctls.TryGetValue(key, out var e)
            ? convert(key, e.Value)
            : Value.Unknown($"{key} is not in this snapshot");
        AddEvidence(c.Span, type, eval, ctx => ctx.Snapshot.Sysctls.TryGetValue(key, out var e) ? e.Source : null);
        return new BoundExpression(type, c.Span, eval);
    }

    private BoundExpression BindHasSysctl(CallSyntax c)
    {
        if (!CheckArity(c, 1, 1) || ConstantString(c, 0) is not { } raw)
            return BoundExpression.Error(c.Span);
        var key = SysctlKey.Normalize(raw);
        Require("sysctl values", SnapshotCapability.Sysctls, SnapshotCapability.ConfiguredSysctls);
        return new BoundExpression(ExprType.Boolean, c.Span, ctx => Value.FromBoolean(ctx.Snapshot.Sysctls.ContainsKey(key)));
    }

    private BoundExpression BindConfigured(CallSyntax c)
    {
        if (!CheckArity(c, 1, 1) || ConstantString(c, 0) is not { } raw)
            return BoundExpression.Error(c.Span);
        var key = SysctlKey.Normalize(raw);
        Require("sysctl values", SnapshotCapability.Sysctls, SnapshotCapability.ConfiguredSysctls);
        return new BoundExpression(ExprType.String, c.Span, ctx =>
            ctx.Snapshot.Sysctls.TryGetValue(key, out var e) && Schema.SysctlItem.ConfiguredOf(ctx.Snapshot, e) is { } conf ? Value.FromString(conf.Value)
            : Value.Unknown($"{key} is not set by sysctl.d configuration"));
    }

    private BoundExpression BindCounter(CallSyntax c)
    {
        if (!CheckArity(c, 1, 1) || ConstantString(c, 0) is not { } name)
            return BoundExpression.Error(c.Span);
        var dot = name.IndexOf('.');
        var section = dot > 0 ? name[..dot] : "";
        if (!CounterCatalog.Sections.Contains(section))
            Report(KnownDiagnostics.UnknownCounter, c.Arguments[0].Span, name, DidYouMean.Suggest(name, CounterCatalog.WellKnown) is { Length: > 0 } s ? s
                : $"; counters are named 'Section.Name' with a section among {string.Join(", ", CounterCatalog.Sections)}");
        else if (!CounterCatalog.WellKnown.Contains(name) && DidYouMean.Closest(name, CounterCatalog.WellKnown) is { } near)
            Report(KnownDiagnostics.UnknownCounter, c.Arguments[0].Span, name, $"; did you mean '{near}'?");
        Require("counters", SnapshotCapability.Counters);
        if (section == "Conntrack")
            Require("conntrack table counts", SnapshotCapability.Conntrack);
        Func<EvalContext, Value> eval = ctx => ctx.Snapshot.Counters.TryGetValue(name, out var v) ? Value.FromNumber(v) : Value.Unknown($"counter {name} is not in this snapshot");
        Func<EvalContext, Value> delta = ctx =>
            ctx.Snapshot.Deltas is null ? Value.Unknown("only one sample was taken, so there is no rate (use --interval > 0)")
            : ctx.Snapshot.Deltas.TryGetValue(name, out var d) ? Value.FromNumber(d) : Value.Unknown($"counter {name} has no delta in this snapshot");
        AddEvidence(c.Span, ExprType.Integer, eval, ctx => ctx.Snapshot.CounterSources?.GetValueOrDefault(name));
        return new BoundExpression(ExprType.Integer, c.Span, eval) { Delta = delta };
    }

    private BoundExpression BindGauge(CallSyntax c)
    {
        if (!CheckArity(c, 1, 1) || ConstantString(c, 0) is not { } name)
            return BoundExpression.Error(c.Span);
        // Gauges are the running kernel's state: an image root has none, and conntrack's need the conntrack data.
        if (name.StartsWith("conntrack.", StringComparison.Ordinal))
            Require("conntrack table counts", SnapshotCapability.Conntrack);
        else if (name.StartsWith("kernel_log.", StringComparison.Ordinal))
            Require("a kernel log (dmesg or the journal)", SnapshotCapability.KernelLog);
        else
            Require("running-kernel gauges", RuntimeCapabilities);
        Func<EvalContext, Value> eval = ctx => ctx.Snapshot.Gauges.TryGetValue(name, out var v) ? Value.FromNumber(v) : Value.Unknown($"{name} is not in this snapshot");
        AddEvidence(c.Span, ExprType.Integer, eval, _ => null);
        return new BoundExpression(ExprType.Integer, c.Span, eval);
    }

    /// <summary>Sources that read a running kernel have at least one of these; an image root has none of them.</summary>
    private static readonly SnapshotCapability[] RuntimeCapabilities =
    [
        SnapshotCapability.Sysctls, SnapshotCapability.Counters, SnapshotCapability.Listeners, SnapshotCapability.Connections,
        SnapshotCapability.Interfaces, SnapshotCapability.Softnet, SnapshotCapability.Softirqs, SnapshotCapability.Processes, SnapshotCapability.Conntrack,
    ];

    private BoundExpression BindDeltaRate(CallSyntax c)
    {
        if (!CheckArity(c, 1, 1))
            return BoundExpression.Error(c.Span);
        var arg = Bind(c.Arguments[0]);
        if (arg.Type == ExprType.Error)
            return BoundExpression.Error(c.Span);
        if (arg.Delta is not { } delta)
        {
            Report(KnownDiagnostics.NotSampled, c.Arguments[0].Span, c.Name, $"{TextOf(c.Arguments[0].Span)} ({arg.Type})");
            return BoundExpression.Error(c.Span);
        }
        Require("two samples", SnapshotCapability.Rates);
        BoundExpression result;
        if (c.Name == "delta")
        {
            result = new BoundExpression(arg.Type, c.Span, delta);
        }
        else
        {
            result = new BoundExpression(ExprType.Number, c.Span, ctx =>
            {
                var d = delta(ctx);
                if (d.IsUnknown) return d;
                return ctx.Snapshot.IntervalSeconds is { } s && s > 0 ? Value.FromNumber(d.Number / s) : Value.Unknown("only one sample was taken, so there is no rate (use --interval > 0)");
            });
        }
        AddEvidence(c.Span, result.Type, result.Eval, _ => null);
        return result;
    }
}
