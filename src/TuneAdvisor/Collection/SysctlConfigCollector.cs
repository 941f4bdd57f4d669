using TuneAdvisor.Configuration;
using TuneAdvisor.Configuration.Sysctl;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection;

/// <summary>
/// On a live host: merges the persisted sysctl configuration under <see cref="CollectionContext.ConfigRoot"/>
/// exactly as systemd-sysctl does (globs expanded against the keys /proc/sys has) and records, on every key the
/// configuration sets, <see cref="Snapshots.SysctlEntry.Configured"/> (value and winning line), so a config-drift
/// rule can compare the running value with the configured one. Runs after <see cref="SysctlCollector"/>, which
/// creates the entries; a configured key that /proc/sys does not have gets a note, not an entry, and a key
/// that exists but is not collected (vm.*, kernel.*) is left alone.
/// </summary>
public sealed class SysctlConfigCollector : ICollector
{
    public string Name => "sysctl-config";

    public bool IsSampled => false;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var fs = new RootFileSystem(context.ConfigRoot);
        var config = SysctlConfigMerger.Merge(fs, sample.Sysctls.Keys.ToList());
        foreach (var diagnostic in config.Diagnostics)
            sample.Note(diagnostic with { Span = diagnostic.Span with { Path = Display(fs, diagnostic.Span.Path) } });
        foreach (var file in config.Files)
            sample.Inputs.Add(Display(fs, file));

        bool procSysReadable = Directory.Exists(context.Proc("sys"));
        foreach (var (key, configured) in config.Values)
        {
            if (sample.Sysctls.TryGetValue(key, out var live))
            {
                sample.Sysctls[key] = live with { Configured = new(configured.Value, configured.Source) };
                continue;
            }
            // Only net.* and a few fs.* keys are collected; others (vm.*, kernel.*) exist without an entry.
            if (!procSysReadable || File.Exists(context.Proc("sys/" + SysctlKey.ToRelativePath(key))))
                continue;
            sample.Note(KnownDiagnostics.InputNote, Display(fs, configured.Source),
                $"{key} = {configured.Value} is configured at {configured.Source} but {context.Proc("sys")} has no such key (a module not loaded, a key this kernel lacks, or a host-global key in a container)");
        }
    }

    /// <summary>On "/" a root-relative path reads as an absolute one ("/etc/sysctl.d/x.conf"); under another root it stays relative.</summary>
    private static string Display(RootFileSystem fs, string relative) =>
        fs.Root == "/" && relative.Length > 0 && !relative.StartsWith('/') ? "/" + relative : relative;
}
