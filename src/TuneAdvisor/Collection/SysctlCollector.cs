using System.Globalization;
using System.IO.Enumeration;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Effective sysctl values from /proc/sys: every readable key under net/, plus fs.file-max, fs.file-nr (also as the
/// gauges "fs.file-nr.allocated" and "fs.file-nr.max"), fs.nr_open and kernel.osrelease. Values are
/// whitespace-normalised ("4096\t131072\t6291456" becomes "4096 131072 6291456"); each entry's source is its file,
/// and net.* keys carry <see cref="SysctlEntry.InitNetnsOnly"/> from <see cref="InitNetnsKeys"/>.
/// Unreadable keys (write-only net.ipv4.route.flush, an unset stable_secret's EIO) are left out, as `sysctl -a` does.
/// <para>
/// Per-interface policy. net.ipv4.conf, net.ipv6.conf, net.ipv4.neigh and net.ipv6.neigh hold one directory per
/// interface with ~130 files between them, so a node with 500 veths would cost 65 000 reads.
/// With <see cref="PerInterfaceSysctls.Selected"/> (the default) only these directories are read:
/// "all", "default" and "lo" (the values new and every interface inherit, and the knobs rules such as rp_filter
/// combine with), plus every interface that is administratively up (IFF_UP in /sys/class/net/IF/flags; an interface
/// whose flags cannot be read counts as up, so nothing is dropped for lack of sysfs). A down interface carries no
/// traffic, so its settings cannot hurt yet. When more than <see cref="CollectionContext.MaxSysctlInterfaces"/>
/// interfaces are up (container hosts: every veth is up), the ones backed by a device (/sys/class/net/IF/device:
/// physical NICs) come first, then the rest by name, and one note says how many were left out.
/// <see cref="PerInterfaceSysctls.All"/> reads everything, as `sysctl -a` does.
/// </para>
/// </summary>
public sealed class SysctlCollector : ICollector
{
    private static readonly string[] ExtraKeys = ["fs/file-max", "fs/file-nr", "fs/nr_open", "kernel/osrelease"];
    private static readonly string[] PerInterfaceParents = ["net/ipv4/conf", "net/ipv6/conf", "net/ipv4/neigh", "net/ipv6/neigh"];
    private static readonly string[] AlwaysRead = ["all", "default", "lo"];

    public string Name => "sysctl";

    public bool IsSampled => false;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var root = Path.GetFullPath(context.Proc("sys"));
        var net = Path.Combine(root, "net");
        if (!Directory.Exists(net))
        {
            sample.Note(KnownDiagnostics.SourceUnavailable, net, $"{net} is missing; sysctl values are unknown");
            return;
        }
        var reader = new BoundedFileReader();
        var selected = context.PerInterfaceSysctls == PerInterfaceSysctls.All ? null : SelectInterfaces(context, root, reader, sample);
        try
        {
            foreach (var file in Enumerate(net, root, selected))
                Read(root, file, reader, sample);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the start directory can fail this way (subdirectories that vanish are skipped by the enumerator).
            sample.Note(KnownDiagnostics.SourceUnavailable, net, $"{net} could not be read to the end ({ex.Message}); sysctls not read are unknown");
        }
        foreach (var extra in ExtraKeys)
            Read(root, Path.Combine(root, extra), reader, sample);
        AddFileNrGauges(sample);
        sample.Capabilities.Add(SnapshotCapability.Sysctls);
        sample.Inputs.Add(root);
    }

    private static void Read(string root, string file, BoundedFileReader reader, SampleBuilder sample)
    {
        if (reader.TryRead(file, out var text) != ReadStatus.Ok)
            return;
        var key = SysctlKey.FromRelativePath(file[(root.Length + 1)..]);
        sample.Sysctls[key] = new SysctlEntry(SysctlKey.NormalizeValue(text), file) { InitNetnsOnly = InitNetnsKeys.IsInitNetnsOnly(key) };
    }

    /// <summary>"allocated unused max" → gauges; the middle field has been 0 since 2.6.</summary>
    private static void AddFileNrGauges(SampleBuilder sample)
    {
        if (!sample.Sysctls.TryGetValue("fs.file-nr", out var entry))
            return;
        var parts = entry.Value.Split(' ');
        if (parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var allocated)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            sample.Gauges["fs.file-nr.allocated"] = allocated;
            sample.Gauges["fs.file-nr.max"] = max;
        }
        else
            sample.Note(KnownDiagnostics.InputNote, entry.Source, $"fs.file-nr is '{entry.Value}', not 'allocated unused max'; its gauges are unknown");
    }

    /// <summary>Every file under <paramref name="net"/>, descending into per-interface directories only when selected (null = all).</summary>
    private static IEnumerable<string> Enumerate(string net, string root, HashSet<string>? selected)
    {
        var parents = PerInterfaceParents.Select(p => Path.Combine(root, p)).ToArray();
        var lookup = selected?.GetAlternateLookup<ReadOnlySpan<char>>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        return new FileSystemEnumerable<string>(net, (ref FileSystemEntry e) => e.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry e) =>
            {
                if (lookup is not { } names)
                    return true;
                foreach (var parent in parents)
                    if (e.Directory.SequenceEqual(parent))
                        return names.Contains(e.FileName);
                return true;
            },
        };
    }

    private static HashSet<string> SelectInterfaces(CollectionContext context, string root, BoundedFileReader reader, SampleBuilder sample)
    {
        var selected = new HashSet<string>(AlwaysRead, StringComparer.Ordinal);
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var parent in PerInterfaceParents)
        {
            candidates.UnionWith(DirectoryListing.Names(Path.Combine(root, parent), directories: true));
        }
        candidates.ExceptWith(AlwaysRead);

        var classNet = context.Sys("class/net");
        var up = candidates.Where(name => IsUp(reader, Path.Combine(classNet, name))).ToList();
        int down = candidates.Count - up.Count;
        int dropped = 0;
        if (up.Count > context.MaxSysctlInterfaces)
        {
            dropped = up.Count - context.MaxSysctlInterfaces;
            up = up.OrderBy(name => Path.Exists(Path.Combine(classNet, name, "device")) ? 0 : 1)
                .ThenBy(name => name, StringComparer.Ordinal)
                .Take(context.MaxSysctlInterfaces)
                .ToList();
        }
        selected.UnionWith(up);
        if (down > 0 || dropped > 0)
        {
            var why = dropped > 0
                ? $"{down} down and {dropped} more of the {up.Count + dropped} up interfaces (over the limit of {context.MaxSysctlInterfaces}; device-backed ones first, then by name)"
                : $"{down} interfaces that are down";
            sample.Note(KnownDiagnostics.InputNote, Path.Combine(root, "net"),
                $"per-interface sysctls (net.ipv4/ipv6.conf/neigh.IF.*) were read for all, default, lo and {up.Count} interfaces that are up; not for {why}. Set PerInterfaceSysctls.All to read every interface");
        }
        return selected;
    }

    /// <summary>IFF_UP (0x1) in /sys/class/net/IF/flags ("0x1003"); an interface whose flags are unreadable counts as up.</summary>
    private static bool IsUp(BoundedFileReader reader, string sysDir)
    {
        var text = reader.ReadOrNull(Path.Combine(sysDir, "flags"))?.Trim();
        if (text is null || !text.StartsWith("0x", StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var flags))
            return true;
        return (flags & 1) != 0;
    }
}
