
namespace TuneAdvisor.Configuration.Sysctl;

/// <summary>
/// One line of a sysctl.d file. <see cref="Key"/> is normalised to dotted form (see <see cref="SysctlKey.Normalize"/>);
/// <see cref="Value"/> is whitespace-normalised, and null for a bare <c>-key</c> line, which only excludes the key
/// from globs. <see cref="IgnoreFailure"/> is the leading "-" of <c>-key = value</c>.
/// </summary>
public sealed record SysctlAssignment(string Key, string? Value, string File, int Line, bool IgnoreFailure)
{
    /// <summary>True when the key holds shell wildcards (*, ? or [): it applies to every matching key.</summary>
    public bool IsGlob => ShellPattern.HasWildcards(Key);

    /// <summary>True for a bare <c>-key</c> line (no "="): the key is excluded from glob matches.</summary>
    public bool IsExclusion => Value is null;

    /// <summary>"etc/sysctl.d/60-x.conf:3".</summary>
    public string Location => $"{File}:{Line}";

    /// <summary>"etc/sysctl.d/60-x.conf:3 = 4096", or "… (excluded from globs)" for a bare -key line.</summary>
    public string Describe() => Value is null ? $"{Location} (excluded from globs)" : $"{Location} = {Value}";
}
