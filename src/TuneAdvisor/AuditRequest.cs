using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sources;

namespace TuneAdvisor;

/// <summary>
/// Everything one audit is asked to do, as values: where the snapshot comes from, which rules run, the policy file,
/// and what the command line puts on top of that policy. The CLI folds its options into one of these.
/// </summary>
public sealed record AuditRequest
{
    public SnapshotRequest Source { get; init; } = new();

    /// <summary>Load the rules built into the library (on unless --no-builtin-rules).</summary>
    public bool BuiltInRules { get; init; } = true;

    /// <summary>More rule files or folders (--rules), loaded after the built-in ones.</summary>
    public ImmutableArray<string> RulePaths { get; init; } = [];

    /// <summary>A policy file to read (--policy, --config); null to discover one (see <see cref="DiscoverPolicy"/>).</summary>
    public string? PolicyFile { get; init; }

    /// <summary>Without <see cref="PolicyFile"/>, look for tuneadvisor.yaml in the working directory and its parents (off with --no-policy).</summary>
    public bool DiscoverPolicy { get; init; } = true;

    /// <summary>Rule ids or categories not to run, on top of the policy file's (--disable).</summary>
    public ImmutableArray<string> Disable { get; init; } = [];

    /// <summary>Severity overrides by rule id, category or "all", on top of the policy file's (--severity).</summary>
    public ImmutableDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary<string, Severity>.Empty;

    /// <summary>Tags of this host for policy selectors (--tag), e.g. "prod" or "eu-west".</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The gate (--fail-on); null takes the policy file's failOn, else warning.</summary>
    public Severity? FailOn { get; init; }

    /// <summary>A baseline file to compare with (--baseline): findings in it are reported as unchanged and the gate counts only new ones.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Where to record this run's findings as a baseline (--write-baseline); the gate is unchanged by it.</summary>
    public string? WriteBaselinePath { get; init; }
}
