using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// A bound, type-checked expression, already compiled into a delegate. <see cref="Delta"/> is set for sampled
/// values (counters, interface and softnet columns, per-socket byte counts) and read by <c>delta()</c>/<c>rate()</c>.
/// <see cref="Constant"/> is set when the value is known at compile time (literals), e.g. a sysctl key.
/// </summary>
/// <remarks>
/// <see cref="Eval"/> is the whole truth: the value, or unknown with the reason. Numeric, Boolean and string nodes may
/// also have a typed fast path (<see cref="Test"/>, <see cref="Number"/>, <see cref="Text"/>) that computes the same
/// known values without a <see cref="Value"/> and reports an unknown only as unknown; a caller that meets one asks
/// <see cref="Eval"/> for the reason. Parents compile their own fast path from their children's, so a condition such as
/// <c>connection.rtt &gt; 100ms and connection.state == "ESTAB"</c> runs as three closures calling the schema's
/// getters, and the reason text is built only for the items where it is needed. Setting <see cref="Eval"/> (e.g.
/// with <c>with</c>) drops the fast paths, which would no longer agree with it.
/// </remarks>
public sealed record BoundExpression(ExprType Type, TextSpan Span, Func<EvalContext, Value> Eval)
{
    private readonly Func<EvalContext, Value> _eval = Eval;

    public Func<EvalContext, Value> Eval
    {
        get => _eval;
        init
        {
            _eval = value;
            Test = null;
            Number = null;
            Text = null;
            Member = null;
        }
    }

    public Func<EvalContext, Value>? Delta { get; init; }
    public Value? Constant { get; init; }

    /// <summary>
    /// Boolean fast path: true or false as <see cref="Eval"/> would say, or <see cref="Truth.Unknown"/>, which means
    /// "ask Eval": for the reason, or (when an operand is NaN, see <see cref="Number"/>) for the answer itself.
    /// </summary>
    public Func<EvalContext, Truth>? Test { get; init; }

    /// <summary>
    /// Numeric fast path: the number <see cref="Eval"/> would give, or NaN when it is unknown. NaN means only "ask
    /// <see cref="Eval"/>": should a known value ever be NaN (infinity minus infinity), Eval still gives it.
    /// </summary>
    public Func<EvalContext, double>? Number { get; init; }

    /// <summary>String fast path: the string <see cref="Eval"/> would give, or null when it is unknown.</summary>
    public Func<EvalContext, string?>? Text { get; init; }

    /// <summary>Set when this node reads a member of the scope item or of <c>it</c>: comparisons fuse with it.</summary>
    public MemberRead? Member { get; init; }

    /// <summary><see cref="Test"/>, or one made from <see cref="Eval"/>.</summary>
    public Func<EvalContext, Truth> TestPath()
    {
        if (Test is { } fast)
            return fast;
        var eval = Eval;
        return ctx => Truths.Of(eval(ctx));
    }

    /// <summary><see cref="Number"/>, or one made from <see cref="Eval"/>.</summary>
    public Func<EvalContext, double> NumberPath()
    {
        if (Number is { } fast)
            return fast;
        var eval = Eval;
        return ctx => eval(ctx) is { IsUnknown: false } v ? v.Number : double.NaN;
    }

    /// <summary><see cref="Text"/>, or one made from <see cref="Eval"/>.</summary>
    public Func<EvalContext, string?> TextPath()
    {
        if (Text is { } fast)
            return fast;
        var eval = Eval;
        return ctx => eval(ctx) is { IsUnknown: false } v ? v.Text : null;
    }

    public static BoundExpression Error(TextSpan span) => new(ExprType.Error, span, _ => Value.Unknown("error"));
}

/// <summary>A member read on the scope item (<see cref="OnIt"/> false) or on <c>it</c> inside an aggregate.</summary>
public sealed record MemberRead(MemberDefinition Definition, bool OnIt);

/// <summary>A value worth showing as evidence when a rule fires: the sub-expression's text, its value and where it came from.</summary>
public sealed record EvidenceProbe(string Expression, ExprType Type, Func<EvalContext, Value> Eval, Func<EvalContext, string?> Source);

/// <summary>Data a condition needs from the source; without any of <see cref="AnyOf"/> the rule is not applicable.</summary>
public sealed record Requirement(string What, SnapshotCapability[] AnyOf)
{
    public bool IsMetBy(SystemSnapshot snapshot) => AnyOf.Any(snapshot.Has);

    public bool Equals(Requirement? other) => other is not null && other.What == What;

    public override int GetHashCode() => What.GetHashCode(StringComparison.Ordinal);
}
