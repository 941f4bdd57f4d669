namespace TuneAdvisor.Policy;

/// <summary>
/// Finds the policy file a run uses when none is named, as git, editorconfig and linters find theirs:
/// <c>tuneadvisor.yaml</c> in the working directory or the nearest parent that has one. The search stops after the
/// first folder that holds <c>.git</c> (the repository's root), after the home folder, and at the file system root,
/// so a policy outside the project never applies by accident.
/// </summary>
public static class PolicyDiscovery
{
    public const string FileName = "tuneadvisor.yaml";

    /// <returns>The full path of the file found, or null when there is none up to the stopping folder.</returns>
    public static string? Find(string startDirectory, string? home)
    {
        var homeFull = string.IsNullOrEmpty(home) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(home));
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
                return candidate;
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))
                || string.Equals(Path.TrimEndingDirectorySeparator(dir.FullName), homeFull, StringComparison.Ordinal))
                return null;
        }
        return null;
    }
}
