using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Effective sysctl values from /proc/sys: every readable key under net/, plus fs.file-max, fs.file-nr, fs.nr_open.
/// Values are whitespace-normalised ("4096\t131072\t6291456" becomes "4096 131072 6291456").
/// </summary>
public sealed class SysctlCollector : ICollector
{
    private static readonly string[] ExtraKeys = ["fs/file-max", "fs/file-nr", "fs/nr_open", "kernel/osrelease"];

    public string Name => "sysctl";

    public bool IsSampled => false;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var root = context.Proc("sys");
        var net = Path.Combine(root, "net");
        if (!Directory.Exists(net))
        {
            sample.Note(KnownDiagnostics.SourceUnavailable, net, $"{net} is missing; sysctl values are unknown");
            return;
        }
        foreach (var file in Walk(net))
            Read(root, file, sample);
        foreach (var extra in ExtraKeys)
            Read(root, Path.Combine(root, extra), sample);
        sample.Capabilities.Add(SnapshotCapability.Sysctls);
        sample.Inputs.Add(root);
    }

    private static void Read(string root, string file, SampleBuilder sample)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Write-only keys (e.g. net.ipv4.route.flush) and keys needing privileges are simply not values.
            return;
        }
        var key = SysctlKey.FromRelativePath(Path.GetRelativePath(root, file));
        sample.SetSysctl(key, SysctlKey.NormalizeValue(text), file);
    }

    private static IEnumerable<string> Walk(string directory)
    {
        var stack = new Stack<string>();
        stack.Push(directory);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (Directory.Exists(entry))
                    stack.Push(entry);
                else
                    yield return entry;
            }
        }
    }
}
