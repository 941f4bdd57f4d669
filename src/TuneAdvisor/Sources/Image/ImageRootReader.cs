using System.Collections.Immutable;
using TuneAdvisor.Collection;
using TuneAdvisor.Configuration;
using TuneAdvisor.Configuration.Sysctl;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Image.Apps;
using TuneAdvisor.Sources.Image.Systemd;

namespace TuneAdvisor.Sources.Image;

/// <summary>
/// Reads a golden image (a mounted or unpacked root file system, `--root DIR`) into a snapshot of what it
/// configures: the merged sysctl.d configuration over the image kernel's defaults (capability ConfiguredSysctls,
/// not Sysctls: an image tells configuration, not running values), systemd's NOFILE limits, and application listen
/// backlogs (capability AppConfigs). There are no sockets, counters or rates, so rules needing them are not
/// applicable offline. Never throws for missing or malformed files: they become notes.
/// </summary>
public static class ImageRootReader
{
    private static readonly Func<RootFileSystem, AppConfigResult>[] AppReaders =
        [NginxConfigReader.Read, RedisConfigReader.Read, HaproxyConfigReader.Read, PhpFpmConfigReader.Read];

    public static (SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics) Read(string root, TimeProvider time)
    {
        var fs = new RootFileSystem(root);
        var sample = new SampleBuilder(time.GetUtcNow());
        var diagnostics = new List<Diagnostic>();
        if (!fs.Exists)
            diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(fs.Root), $"{fs.Root} is not a directory"));
        else
            ReadInto(fs, sample, diagnostics);

        var sorted = LineDiagnosticLimit.Apply(DiagnosticBag.Sort(diagnostics.Distinct()));
        foreach (var diagnostic in sorted)
            sample.Note(diagnostic);
        return (SnapshotAssembler.Assemble(SnapshotSource.Image, fs.Root, null, sample), sorted);
    }

    private static void ReadInto(RootFileSystem fs, SampleBuilder sample, List<Diagnostic> diagnostics)
    {
        var kernel = ImageKernel.Detect(fs);
        diagnostics.AddRange(kernel.Diagnostics);
        sample.Host = new HostInfo
        {
            Hostname = FirstLine(fs.ReadText("etc/hostname", diagnostics)),
            Kernel = kernel.Release,
            KernelSource = kernel.Source,
            OsRelease = (fs.ReadText("etc/os-release", diagnostics) ?? fs.ReadText("usr/lib/os-release", diagnostics)) is { } os
                ? OsRelease.PrettyNameFromText(os) : null,
        };

        ApplySysctls(fs, kernel, sample, diagnostics);
        sample.Capabilities.Add(SnapshotCapability.ConfiguredSysctls);

        var limits = SystemdLimitReader.Read(fs);
        sample.Limits.AddRange(limits.Limits);
        Add(sample, limits.Files, limits.Diagnostics, diagnostics);

        foreach (var reader in AppReaders)
        {
            var result = reader(fs);
            sample.AppConfigs.AddRange(result.Configs);
            Add(sample, result.Files, result.Diagnostics, diagnostics);
        }
        sample.Capabilities.Add(SnapshotCapability.AppConfigs);
    }

    /// <summary>The merged configuration wins; every other key the kernel table knows gets the image kernel's default.</summary>
    private static void ApplySysctls(RootFileSystem fs, ImageKernel kernel, SampleBuilder sample, List<Diagnostic> diagnostics)
    {
        var config = SysctlConfigMerger.Merge(fs, KernelDefaults.KeysFor(kernel.Version));
        Add(sample, config.Files, config.Diagnostics, diagnostics);
        foreach (var (key, entry) in config.Values)
            sample.Sysctls[key] = entry;
        if (config.Files.IsEmpty)
            diagnostics.Add(Note(SysctlConfigMerger.Directories[0],
                "the image has no sysctl configuration (sysctl.d, sysctl.conf): every value is the kernel default"));

        if (kernel.Version is { } version)
        {
            foreach (var entry in KernelDefaults.Table)
                if (!sample.Sysctls.ContainsKey(entry.Key) && entry.For(version) is { } era)
                    sample.SetSysctl(entry.Key, era.Value, era.Source);
            diagnostics.Add(Note(kernel.Source!,
                $"defaults derived from RAM or the kernel build are unknown offline unless configured: {string.Join(", ", KernelDefaults.UnknownOffline.Keys.Where(k => !sample.Sysctls.ContainsKey(k)))}"));
        }

        foreach (var (key, entry) in config.Values)
        {
            if (KernelDefaults.RemovalOf(key) is not { } removal)
                continue;
            var kernelText = kernel.Version is { } v
                ? v >= removal.RemovedIn ? $"the image's kernel {kernel.Release} no longer has it" : $"the image's kernel {kernel.Release} still has it"
                : "the image's kernel version is unknown";
            diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputNote, LocationSpan.Parse(entry.Source),
                $"{key} = {entry.Value} is set at {entry.Source}; {kernelText}: {removal.Explanation}"));
        }
    }

    private static void Add(SampleBuilder sample, IEnumerable<string> files, IEnumerable<Diagnostic> found, List<Diagnostic> diagnostics)
    {
        foreach (var file in files)
            sample.Inputs.Add(file);
        diagnostics.AddRange(found);
    }

    private static string? FirstLine(string? text) =>
        text?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));

    private static Diagnostic Note(string path, string message) =>
        Diagnostic.Create(KnownDiagnostics.InputNote, SourceSpan.File(path), message);
}
