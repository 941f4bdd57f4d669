using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;
using TuneAdvisor.Resources;

namespace TuneAdvisor.Rules;

/// <summary>Finds rule files: the built-in set embedded in the binary and folders given with --rules.</summary>
public static class RuleSources
{
    /// <summary>Rule files end in .yaml or .yml; "*.tests.yaml" files beside them hold test cases, not rules.</summary>
    public static bool IsRuleFileName(string name) =>
        (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
        && !name.EndsWith(".tests.yaml", StringComparison.Ordinal) && !name.EndsWith(".tests.yml", StringComparison.Ordinal);

    /// <summary>The rule files of a run (built-in first, then each path in order) and the id ranges that govern them.</summary>
    /// <param name="pin">A released rule pack version to use instead of the current built-in rules (rulesVersion).</param>
    public static (ImmutableArray<RuleFile> Files, IdRanges Ranges) Collect(bool builtIn, IEnumerable<string> paths, DiagnosticBag diagnostics, string? pin = null)
    {
        var pathList = paths.ToList();
        var files = ImmutableArray.CreateBuilder<RuleFile>();
        if (builtIn)
            files.AddRange(pin is null ? BuiltIn() : RulePackReleases.Files(pin));
        foreach (var p in pathList)
            files.AddRange(FromPath(p, diagnostics));
        return (files.ToImmutable(), Ranges(pathList, diagnostics));
    }

    public static ImmutableArray<RuleFile> BuiltIn()
    {
        return EmbeddedResources.Names
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal) && IsRuleFileName(n) && !RulePackReleases.IsReleaseResource(n))
            .Select(n => new RuleFile(n, EmbeddedResources.Read(n)!, sibling => BuiltInSibling(n, sibling)))
            .ToImmutableArray();
    }

    /// <summary>A file beside a built-in rule (its help page, its tests).</summary>
    public static (string, string)? BuiltInSibling(string resource, string name)
    {
        var dir = resource[..(resource.LastIndexOf('/') + 1)];
        var path = dir + name;
        return EmbeddedResources.Read(path) is { } text ? (path, text) : null;
    }

    /// <summary>Rule files under a folder (recursively) or a single file; unreadable ones become diagnostics.</summary>
    public static ImmutableArray<RuleFile> FromPath(string path, DiagnosticBag diagnostics)
    {
        IEnumerable<string> files;
        if (File.Exists(path))
            files = [path];
        else if (Directory.Exists(path))
            files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => IsRuleFileName(Path.GetFileName(f)));
        else
        {
            diagnostics.Add(KnownDiagnostics.RuleFileUnreadable, SourceSpan.File(path), "no such file or directory");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<RuleFile>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            // A FIFO named like a rule file is refused unread, so it cannot hang `rules check`.
            if (BoundedFileReader.ReadText(file, FileReadLimits.Config, out _, out var problem) is { } text)
                result.Add(new RuleFile(file, text, sibling => DiskSibling(file, sibling)));
            else
                diagnostics.Add(KnownDiagnostics.RuleFileUnreadable, SourceSpan.File(file), problem);
        }
        if (result.Count == 0 && Directory.Exists(path))
            diagnostics.Add(KnownDiagnostics.NoRulesFound, SourceSpan.File(path), path);
        return result.ToImmutable();
    }

    private static (string, string)? DiskSibling(string file, string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(file) ?? ".", name);
        return BoundedFileReader.ReadText(path, FileReadLimits.Config, out _, out _) is { } text ? (path, text) : null;
    }

    /// <summary>The id ranges: the built-in table, plus any ID-RANGES.txt found in (or above) the given folders.</summary>
    public static IdRanges Ranges(IEnumerable<string> paths, DiagnosticBag diagnostics)
    {
        var builtIn = IdRanges.Parse(EmbeddedResources.Read("rules/ID-RANGES.txt") ?? "", "rules/ID-RANGES.txt", diagnostics);
        var merged = builtIn.Categories.ToBuilder();
        foreach (var p in paths)
        {
            var dir = Directory.Exists(p) ? p : Path.GetDirectoryName(Path.GetFullPath(p));
            for (var d = dir is null ? null : new DirectoryInfo(dir); d is not null; d = d.Parent)
            {
                var file = Path.Combine(d.FullName, "ID-RANGES.txt");
                if (!File.Exists(file))
                    continue;
                if (BoundedFileReader.ReadText(file, FileReadLimits.Config, out _, out var problem) is not { } text)
                {
                    diagnostics.Add(KnownDiagnostics.RuleFileUnreadable, SourceSpan.File(file), problem);
                    break;
                }
                foreach (var (k, v) in IdRanges.Parse(text, file, diagnostics).Categories)
                    merged[k] = v;
                break;
            }
        }
        return new IdRanges(merged.ToImmutable());
    }
}
