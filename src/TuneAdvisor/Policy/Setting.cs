using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Policy;

/// <summary>
/// One policy value with its provenance: the layer that wrote it (a preset, a file, the command line), where, and the
/// sentence of why it was chosen (<c>{ value: X, why: "…" }</c> in a policy file). <c>policy show</c> prints all three.
/// </summary>
public sealed record Setting<T>(T Value, string? Why, string Origin, SourceSpan? At);

/// <summary>A rule id or category switched on (enable) or off (disable).</summary>
public sealed record SwitchChoice(string Key, Setting<bool> On);

/// <summary>A severity for a rule id, a category, or "all".</summary>
public sealed record SeverityChoice(string Key, Setting<Severity> Level);

/// <summary>A value for one rule's option, with its text as written ("80%") for printing.</summary>
public sealed record OptionChoice(string RuleId, string Option, Setting<Expressions.Runtime.Value> Value, string Written);
