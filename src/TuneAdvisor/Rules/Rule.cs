using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;

namespace TuneAdvisor.Rules;

/// <summary>A compiled rule: its descriptor plus delegates ready to evaluate. Never mutated after compilation.</summary>
public sealed record Rule
{
    public required RuleDescriptor Descriptor { get; init; }
    public required ScopeDefinition Scope { get; init; }
    /// <summary>The items of the scope this rule is about (null: all of them); others get no outcome at all.</summary>
    public BoundExpression? Where { get; init; }
    public required BoundExpression Condition { get; init; }
    public required MessageTemplate Message { get; init; }
    public ImmutableArray<(BoundExpression When, Severity Severity)> Escalations { get; init; } = [];
    public required ImmutableDictionary<string, ExprType> OptionTypes { get; init; }
    public required ImmutableDictionary<string, Value> OptionDefaults { get; init; }
    public ImmutableArray<Requirement> Requirements { get; init; } = [];
    public ImmutableArray<EvidenceProbe> Evidence { get; init; } = [];
    public KernelRange? Kernel { get; init; }

    public string Id => Descriptor.Id;
}
