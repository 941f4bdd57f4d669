using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Resources;

namespace TuneAdvisor.Rules;

/// <summary>
/// The released versions of the built-in rule pack, so a policy can pin one (<c>rulesVersion: 0.1.0</c>). Each release
/// has a manifest, rules/releases/VERSION.manifest, naming every rule file it shipped with the SHA-256 of its text.
/// A pinned run uses exactly those rules: a rule added later is not loaded, and a rule changed later runs as it was
/// released, from its released text under rules/releases/VERSION/ (the test RulePackReleaseTests makes sure a change
/// to a shipped rule brings that copy along). Both travel in the binary.
/// </summary>
public static class RulePackReleases
{
    private const string Prefix = "rules/releases/";

    /// <summary>The released versions, oldest first.</summary>
    public static ImmutableArray<string> Versions { get; } =
        [.. EmbeddedResources.Names.Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".manifest", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".manifest".Length])
            .OrderBy(v => KernelVersion.TryParse(v, out var k) ? k : default)];

    public static bool IsKnown(string version) => Versions.Contains(version);

    /// <summary>True for resources that hold released copies, which are never part of the current pack.</summary>
    public static bool IsReleaseResource(string resource) => resource.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>One line of a manifest: the rule id, its file under rules/, and the SHA-256 of the text released.</summary>
    public sealed record Entry(string RuleId, string File, string Sha256);

    public static ImmutableArray<Entry> Manifest(string version)
    {
        var text = EmbeddedResources.Read(Prefix + version + ".manifest")
            ?? throw new ArgumentException($"rule pack {version} is not released", nameof(version));
        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => new Entry(p[0], p[1], p[2]))];
    }

    /// <summary>The hash a manifest records: SHA-256 over the UTF-8 text with line ends normalised to LF.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))));

    /// <summary>The built-in rule files as released in <paramref name="version"/>.</summary>
    /// <exception cref="InvalidOperationException">The binary lacks a released text: a packaging bug, never the user's.</exception>
    public static ImmutableArray<RuleFile> Files(string version) => Files(version, EmbeddedResources.Read);

    /// <param name="read">Reads an embedded file by name (the binary's own, or a test's stand-in).</param>
    public static ImmutableArray<RuleFile> Files(string version, Func<string, string?> read)
    {
        var result = ImmutableArray.CreateBuilder<RuleFile>();
        foreach (var entry in Manifest(version))
        {
            var current = "rules/" + entry.File;
            var released = $"{Prefix}{version}/{entry.File}";
            var text = read(current) is { } now && Hash(now) == entry.Sha256 ? now
                : read(released) is { } old && Hash(old) == entry.Sha256 ? old
                : throw new InvalidOperationException($"rule pack {version}: {entry.RuleId} changed since its release and {released} is missing or differs");
            result.Add(new RuleFile(current, text, sibling => RuleSources.BuiltInSibling(current, sibling)));
        }
        return result.ToImmutable();
    }
}
