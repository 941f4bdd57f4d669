

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// A member of a scope item type: its type, how to read it from the item, and — for cumulative counters —
/// how to read its change between the two samples (used by <c>delta()</c> and <c>rate()</c>).
/// <see cref="Number"/> and <see cref="Text"/> read the same value typed, for compiled fast paths; they must agree
/// with <see cref="Get"/> on every item, and say only that a value is unknown where <see cref="Get"/> says why.
/// </summary>
public sealed record MemberDefinition(
    string Name,
    ExprType Type,
    string Description,
    Func<object, Value> Get,
    Func<object, Value>? Delta = null)
{
    public NumberMember? Number { get; init; }
    public TextMember? Text { get; init; }

    /// <summary>
    /// Data the member needs beyond its scope's: a CPU's /proc/softirqs counts beside its softnet_stat columns, or the
    /// sysctls a destination's ephemeral-port count is computed from (net.ipv4.ip_local_port_range). A rule reading it
    /// is not applicable to a source without that data.
    /// </summary>
    public Requirement? Requires { get; init; }
}
