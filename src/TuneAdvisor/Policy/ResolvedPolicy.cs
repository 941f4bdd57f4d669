using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Policy;

/// <summary>
/// The policy one run uses, merged for one host, with the provenance of every value: what <c>policy show</c> prints
/// and what the evaluator applies (<see cref="Policy"/>).
/// </summary>
public sealed record ResolvedPolicy
{
    public required AuditPolicy Policy { get; init; }
    public required HostFacts Host { get; init; }
    /// <summary>The layers in merge order, by origin ("preset golden-image", a path, "command line").</summary>
    public ImmutableArray<string> Layers { get; init; } = [];
    public Setting<Severity>? FailOn { get; init; }
    public Setting<string>? RulesVersion { get; init; }
    public Setting<bool>? RequireWaiverExpiry { get; init; }
    public ImmutableSortedDictionary<string, Setting<bool>> Switches { get; init; } = ImmutableSortedDictionary<string, Setting<bool>>.Empty;
    public ImmutableSortedDictionary<string, Setting<Severity>> Severities { get; init; } = ImmutableSortedDictionary<string, Setting<Severity>>.Empty;
    /// <summary>Key: "TA1002.fill".</summary>
    public ImmutableSortedDictionary<string, OptionChoice> Options { get; init; } = ImmutableSortedDictionary<string, OptionChoice>.Empty;
    /// <summary>Every host override of every layer, with why it did not apply (null when it did).</summary>
    public ImmutableArray<OverrideOutcome> Overrides { get; init; } = [];
}

/// <summary>One `overrides:` entry of a layer, and whether it applied to this host.</summary>
public sealed record OverrideOutcome(string Origin, SourceSpan At, HostSelector When, string? Mismatch)
{
    public bool Applied => Mismatch is null;
}
