using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Drift;

/// <summary>A sysctl whose effective value differs, or that only one snapshot has; each side keeps where its value came from.</summary>
public sealed record SysctlChange(string Key, ChangeKind Kind, SysctlEntry? Before, SysctlEntry? After)
{
    /// <summary>added, removed or changed.</summary>
    public string Change => Kind switch { ChangeKind.Added => "added", ChangeKind.Removed => "removed", _ => "changed" };
}
