
namespace TuneAdvisor.Drift;

/// <summary>
/// Any other value that differs (see <see cref="SnapshotFacts"/>): a host fact, an interface's setting, or with
/// --all a volatile value such as a counter. Values are as the snapshot's JSON would print them.
/// </summary>
public sealed record FactChange(string Key, ChangeKind Kind, string? Before, string? After, bool Volatile)
{
    /// <summary>added, removed or changed.</summary>
    public string Change => Kind switch { ChangeKind.Added => "added", ChangeKind.Removed => "removed", _ => "changed" };
}
