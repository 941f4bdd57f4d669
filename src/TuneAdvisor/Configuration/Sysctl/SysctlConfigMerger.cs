using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Configuration.Sysctl;

/// <summary>
/// The persisted sysctl configuration of a root (an image, or "/" on a live host), merged exactly as
/// systemd-sysctl applies it at boot (sysctl.d(5)), and a second time as procps `sysctl --system` does (the same
/// directories, dedup and sort, then etc/sysctl.conf last). Keys on which the two disagree get a
/// <see cref="KnownDiagnostics.MergeDisagreement"/>. Sources are root-relative ("etc/sysctl.d/60-x.conf:3").
/// </summary>
public static class SysctlConfigMerger
{
    /// <summary>sysctl.d directories, highest priority first (lib/sysctl.d only matters on non-merged-/usr systems).</summary>
    public static ImmutableArray<string> Directories { get; } =
        ["etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d", "usr/lib/sysctl.d", "lib/sysctl.d"];

    /// <summary>Read last by procps `sysctl --system`; systemd-sysctl reads it only through a link such as Debian's 99-sysctl.conf.</summary>
    public const string SysctlConf = "etc/sysctl.conf";

    /// <param name="knownKeys">Keys that exist, for expanding globs (live: /proc/sys keys; image: the kernel defaults table).</param>
    public static SysctlConfiguration Merge(RootFileSystem fs, IEnumerable<string> knownKeys)
    {
        var diagnostics = new List<Diagnostic>();
        var parsed = new Dictionary<string, ImmutableArray<SysctlAssignment>>(StringComparer.Ordinal);
        var files = new List<string>();

        ImmutableArray<SysctlAssignment> Read(ConfigFile file)
        {
            if (parsed.TryGetValue(file.Path, out var cached))
                return cached;
            ImmutableArray<SysctlAssignment> result = [];
            if (file.IsMask)
                diagnostics.Add(Note(file.Path, $"{file.Path} links to /dev/null: it masks every {file.Name} of lower priority"));
            else if (file.Kind is RootEntryKind.Missing)
                diagnostics.Add(Note(file.Path, $"{file.Path} is a dangling link; it hides every {file.Name} of lower priority and sets nothing"));
            else if (fs.ReadText(file.Path, diagnostics) is { } text)
            {
                files.Add(file.Path);
                var (assignments, lineDiagnostics) = SysctlConfigParser.Parse(text, file.Path);
                diagnostics.AddRange(lineDiagnostics);
                result = assignments;
            }
            parsed[file.Path] = result;
            return result;
        }

        var systemdListing = ConfigDirectories.List(fs, Directories, ".conf", skipHidden: true);
        var procpsListing = ConfigDirectories.List(fs, Directories, ".conf", skipHidden: false);
        foreach (var shadow in systemdListing.Shadowed)
            diagnostics.Add(Note(shadow.Path, $"{shadow.Path} is not read: {shadow.HiddenBy} has the same name and a higher priority"));

        var systemdLines = systemdListing.Files.SelectMany(f => Read(f)).ToList();
        var procpsLines = procpsListing.Files.SelectMany(f => Read(f)).ToList();
        var sysctlConf = fs.KindOf(SysctlConf);
        if (sysctlConf == RootEntryKind.File)
            procpsLines.AddRange(Read(new ConfigFile("sysctl.conf", SysctlConf, sysctlConf)));

        var known = knownKeys.Concat(systemdLines.Concat(procpsLines).Where(a => !a.IsGlob).Select(a => a.Key)).ToList();
        var systemd = SysctlMerge.Systemd(systemdLines, known);
        var procps = SysctlMerge.Procps(procpsLines, known);

        foreach (var cancel in systemd.Cancelled)
            diagnostics.Add(Note(cancel, $"'-{cancel.Key}' without a value cancels the earlier assignments of {cancel.Key} under systemd-sysctl (it only excludes the key from globs)"));
        foreach (var glob in systemd.Globs)
            diagnostics.Add(Note(glob.Glob, DescribeGlob(glob)));
        diagnostics.AddRange(Disagreements(systemd.Values, procps.Values));

        return new SysctlConfiguration(systemd.Values, procps.Values, systemd.Globs, [.. files], [.. diagnostics]);
    }

    private static IEnumerable<Diagnostic> Disagreements(
        ImmutableSortedDictionary<string, SysctlEntry> systemd, ImmutableSortedDictionary<string, SysctlEntry> procps)
    {
        foreach (var key in systemd.Keys.Union(procps.Keys, StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
        {
            systemd.TryGetValue(key, out var a);
            procps.TryGetValue(key, out var b);
            if (a is not null && b is not null && a.Value == b.Value)
                continue;
            var where = (a ?? b)!.Source;
            yield return Diagnostic.Create(KnownDiagnostics.MergeDisagreement, LocationSpan.Parse(where),
                $"{key}: systemd-sysctl applies {Describe(a)} but sysctl --system applies {Describe(b)}");
        }
    }

    private static string Describe(SysctlEntry? entry) => entry is null ? "nothing (kernel default)" : $"{entry.Value} ({entry.Source})";

    private static string DescribeGlob(SysctlGlobApplication glob)
    {
        var text = $"glob {glob.Glob.Key} = {glob.Glob.Value} applies at boot to every matching key that exists then (interfaces that appear later get it too)";
        text += glob.AppliedTo.IsEmpty ? "; no known key matches it here" : $"; known keys it sets here: {string.Join(", ", glob.AppliedTo)}";
        if (!glob.Excepted.IsEmpty)
            text += $"; not applied to {string.Join(", ", glob.Excepted)} (assigned or excluded by name)";
        return text;
    }

    private static Diagnostic Note(string path, string message) =>
        Diagnostic.Create(KnownDiagnostics.InputNote, SourceSpan.File(path), message);

    private static Diagnostic Note(SysctlAssignment at, string message) =>
        Diagnostic.Create(KnownDiagnostics.InputNote, SourceSpan.At(at.File, at.Line), message);
}

/// <summary>
/// The merged sysctl configuration of a root. <see cref="Values"/> is what systemd-sysctl applies at boot (explicit
/// keys and glob expansions over the known keys); <see cref="ProcpsValues"/> is what `sysctl --system` applies.
/// <see cref="Files"/> lists the files read, root-relative.
/// </summary>
public sealed record SysctlConfiguration(
    ImmutableSortedDictionary<string, SysctlEntry> Values,
    ImmutableSortedDictionary<string, SysctlEntry> ProcpsValues,
    ImmutableArray<SysctlGlobApplication> Globs,
    ImmutableArray<string> Files,
    ImmutableArray<Diagnostic> Diagnostics);
