using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Policy;

/// <summary>
/// A loaded policy: its layers in merge order (each extended preset or file before the layer that extends it, each
/// once), not yet resolved for a host. <see cref="PolicyResolver"/> merges it; the pin and the gate need no host.
/// </summary>
public sealed record PolicyChain(string? Path, ImmutableArray<PolicyLayer> Layers)
{
    public static PolicyChain Empty { get; } = new(null, []);

    /// <summary>The rule pack pin: the last layer that sets rulesVersion wins.</summary>
    public Setting<string>? RulesVersion => Last(l => l.RulesVersion);

    public Setting<Severity>? FailOn => Last(l => l.FailOn);

    public Setting<bool>? RequireWaiverExpiry => Last(l => l.RequireWaiverExpiry);

    private T? Last<T>(Func<PolicyLayer, T?> pick) where T : class =>
        Layers.Select(pick).LastOrDefault(v => v is not null);

    /// <summary>This chain with one more layer on top (the command line).</summary>
    public PolicyChain With(PolicyLayer top) => this with { Layers = Layers.Add(top) };
}
