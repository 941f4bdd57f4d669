using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Policy;

/// <summary>
/// One policy source as written: a built-in preset, a policy file, or the command line. A run merges its layers in
/// order (see <see cref="PolicyResolver"/>); nothing here is merged yet.
/// </summary>
public sealed record PolicyLayer
{
    /// <summary>"preset golden-image", the file's path, or "command line".</summary>
    public required string Origin { get; init; }
    public string? Description { get; init; }
    /// <summary>What this layer extends, as written: preset names and file paths (relative to this file's folder).</summary>
    public ImmutableArray<Setting<string>> Extends { get; init; } = [];
    public Setting<Severity>? FailOn { get; init; }
    /// <summary>The built-in rule pack release to run (rules/RELEASES.md), e.g. "0.1.0".</summary>
    public Setting<string>? RulesVersion { get; init; }
    public Setting<bool>? RequireWaiverExpiry { get; init; }
    public PolicyBody Body { get; init; } = PolicyBody.Empty;
    public ImmutableArray<Waiver> Waivers { get; init; } = [];
    /// <summary>Bodies that apply only to hosts the selector matches, applied after <see cref="Body"/> in file order.</summary>
    public ImmutableArray<HostOverride> Overrides { get; init; } = [];
}

/// <summary>An `overrides:` entry: a host selector and what it changes on the hosts it matches.</summary>
public sealed record HostOverride(HostSelector When, PolicyBody Body, SourceSpan At);
