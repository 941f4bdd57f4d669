using System.Collections.Immutable;

namespace TuneAdvisor.Remediation;

/// <summary>
/// The value a bundle sets for one key, with every request behind it. <see cref="Value"/> is null when the
/// requests conflict and cannot be reconciled (non-numeric values): the key is then left for a person to decide.
/// <see cref="Note"/> explains how a conflict was resolved, or why the key was left out.
/// </summary>
public sealed record PlannedSysctl(string Key, string? Value, ImmutableArray<SysctlRequest> Requests, string? Note)
{
    public bool IsApplied => Value is not null;

    public IEnumerable<string> DistinctValues => Requests.Select(r => r.Value).Distinct(StringComparer.Ordinal);
}
