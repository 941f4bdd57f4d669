
namespace TuneAdvisor.Drift;

/// <summary>
/// How one thing differs between the first snapshot (before) and the second (after). Each change record says it in
/// its section's words: a sysctl is added or removed, a listener appears or disappears, a finding is new or fixed.
/// </summary>
public enum ChangeKind
{
    /// <summary>Only in the second snapshot.</summary>
    Added,
    /// <summary>Only in the first snapshot.</summary>
    Removed,
    /// <summary>In both, with a different value.</summary>
    Changed,
}
