using System.Collections.Immutable;
using TuneAdvisor.Resources;

namespace TuneAdvisor.Policy;

/// <summary>
/// The built-in policy presets (presets/*.yaml in the repository, embedded in the binary): policy files like any
/// other, each choice with its why, named in <c>extends:</c> by their file name without ".yaml".
/// </summary>
public static class PolicyPresets
{
    private const string Prefix = "presets/";

    public static ImmutableArray<string> Names { get; } =
        [.. EmbeddedResources.Names.Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".yaml".Length])];

    /// <summary>The preset's text, or null when there is no preset by that name.</summary>
    public static string? Read(string name) => Names.Contains(name) ? EmbeddedResources.Read(Prefix + name + ".yaml") : null;

    /// <summary>Where a preset's diagnostics point: the file it was built from.</summary>
    public static string DisplayPath(string name) => Prefix + name + ".yaml";

    public static string Origin(string name) => "preset " + name;
}
