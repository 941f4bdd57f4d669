using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions;

/// <summary>
/// A bound, type-checked expression, already compiled into a delegate. <see cref="Delta"/> is set for sampled
/// values (counters, interface and softnet columns, per-socket byte counts) and read by <c>delta()</c>/<c>rate()</c>.
/// <see cref="Constant"/> is set when the value is known at compile time (literals), e.g. a sysctl key.
/// </summary>
public sealed record BoundExpression(ExprType Type, TextSpan Span, Func<EvalContext, Value> Eval)
{
    public Func<EvalContext, Value>? Delta { get; init; }
    public Value? Constant { get; init; }

    public static BoundExpression Error(TextSpan span) => new(ExprType.Error, span, _ => Value.Unknown("error"));
}

/// <summary>A value worth showing as evidence when a rule fires: the sub-expression's text, its value and where it came from.</summary>
public sealed record EvidenceProbe(string Expression, ExprType Type, Func<EvalContext, Value> Eval, Func<EvalContext, string?> Source);

/// <summary>Data a condition needs from the source; without any of <see cref="AnyOf"/> the rule is not applicable.</summary>
public sealed record Requirement(string What, SnapshotCapability[] AnyOf)
{
    public bool IsMetBy(SystemSnapshot snapshot) => AnyOf.Any(snapshot.Has);

    public bool Equals(Requirement? other) => other is not null && other.What == What;

    public override int GetHashCode() => What.GetHashCode(StringComparison.Ordinal);
}
