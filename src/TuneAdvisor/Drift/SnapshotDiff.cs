using System.Collections.Immutable;

namespace TuneAdvisor.Drift;

/// <summary>
/// How a second snapshot differs from a first, both audited with the same rules and policy: sysctls, listeners,
/// findings, and other values (stable ones always; volatile ones only when <see cref="IncludesVolatile"/>). Every list
/// is sorted, so the same two files always give the same output.
/// </summary>
public sealed record SnapshotDiff
{
    public required DiffSide Before { get; init; }
    public required DiffSide After { get; init; }
    /// <summary>The TuneAdvisor version that audited both.</summary>
    public string ToolVersion { get; init; } = "";
    /// <summary>The policy file both audits read, or null when they read none.</summary>
    public string? PolicyPath { get; init; }
    /// <summary>True with --all: volatile values (counters, pids, timestamps…) were compared too.</summary>
    public bool IncludesVolatile { get; init; }
    public ImmutableArray<SysctlChange> Sysctls { get; init; } = [];
    public ImmutableArray<ListenerChange> Listeners { get; init; } = [];
    public ImmutableArray<FindingChange> Findings { get; init; } = [];
    /// <summary>Findings both audits raised alike.</summary>
    public int UnchangedFindings { get; init; }
    public ImmutableArray<FactChange> Other { get; init; } = [];

    public int Count => Sysctls.Length + Listeners.Length + Findings.Length + Other.Length;

    /// <summary>Anything differs: what --fail-on-change gates on.</summary>
    public bool HasChanges => Count > 0;
}
