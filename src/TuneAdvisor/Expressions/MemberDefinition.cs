namespace TuneAdvisor.Expressions;

/// <summary>
/// A member of a scope item type: its type, how to read it from the item, and — for cumulative counters —
/// how to read its change between the two samples (used by <c>delta()</c> and <c>rate()</c>).
/// </summary>
public sealed record MemberDefinition(
    string Name,
    ExprType Type,
    string Description,
    Func<object, Value> Get,
    Func<object, Value>? Delta = null);
