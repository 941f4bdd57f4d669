using System.Collections.Immutable;

namespace TuneAdvisor.Policy;

/// <summary>
/// The part of a policy layer that a host selector can scope: which rules run, their severities and their options,
/// each in the order written.
/// </summary>
public sealed record PolicyBody
{
    public static PolicyBody Empty { get; } = new();

    public ImmutableArray<SwitchChoice> Switches { get; init; } = [];
    public ImmutableArray<SeverityChoice> Severities { get; init; } = [];
    public ImmutableArray<OptionChoice> Options { get; init; } = [];

    public bool IsEmpty => Switches.IsEmpty && Severities.IsEmpty && Options.IsEmpty;
}
