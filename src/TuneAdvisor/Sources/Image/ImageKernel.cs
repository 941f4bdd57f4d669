using System.Collections.Immutable;
using TuneAdvisor.Configuration;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Sources.Image;

/// <summary>
/// The kernel an image boots, from its module trees (usr/lib/modules/RELEASE, lib/modules/RELEASE) or kernels
/// (boot/vmlinuz-RELEASE). With several, the newest by version order is taken (what a default boot menu picks on
/// the common distributions) and a note lists the others.
/// </summary>
public sealed record ImageKernel(string? Release, string? Source, KernelVersion? Version, ImmutableArray<Diagnostic> Diagnostics)
{
    private static readonly string[] ModuleDirectories = ["usr/lib/modules", "lib/modules"];

    public static ImageKernel Detect(RootFileSystem fs)
    {
        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in ModuleDirectories)
            foreach (var name in fs.ListNames(directory))
                if (KernelVersion.TryParse(name, out _) && fs.KindOf($"{directory}/{name}") == RootEntryKind.Directory)
                    candidates.TryAdd(name, $"{directory}/{name}");
        foreach (var name in fs.ListNames("boot"))
        {
            if (!name.StartsWith("vmlinuz-", StringComparison.Ordinal))
                continue;
            var release = name["vmlinuz-".Length..];
            if (KernelVersion.TryParse(release, out _) && fs.KindOf($"boot/{name}") == RootEntryKind.File)
                candidates.TryAdd(release, $"boot/{name}");
        }

        if (candidates.Count == 0)
        {
            var missing = Diagnostic.Create(KnownDiagnostics.SourceUnavailable, SourceSpan.File("usr/lib/modules"),
                "no kernel found in the image (usr/lib/modules/*, lib/modules/*, boot/vmlinuz-*): the kernel version and its sysctl defaults are unknown");
            return new ImageKernel(null, null, null, [missing]);
        }

        var ordered = candidates.Keys.OrderBy(k => k, Comparer<string>.Create(KernelVersion.CompareReleases)).ToList();
        var newest = ordered[^1];
        ImmutableArray<Diagnostic> notes = [];
        if (ordered.Count > 1)
            notes = [Diagnostic.Create(KnownDiagnostics.InputNote, SourceSpan.File(candidates[newest]),
                $"the image holds {ordered.Count} kernels ({string.Join(", ", ordered)}); assuming it boots the newest, {newest}")];
        KernelVersion.TryParse(newest, out var version);
        return new ImageKernel(newest, candidates[newest], version, notes);
    }
}
