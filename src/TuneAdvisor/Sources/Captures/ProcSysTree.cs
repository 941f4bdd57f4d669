using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Captures;

/// <summary>
/// A copied /proc/sys tree (recognised by its net/core or net/ipv4 folders, whatever the folder is called):
/// every readable file is a sysctl, its key the path below the tree (dots in a name become slashes, as sysctl prints them).
/// </summary>
public static class ProcSysTree
{
    public static bool IsTree(string directory) =>
        Directory.Exists(Path.Combine(directory, "net", "core")) || Directory.Exists(Path.Combine(directory, "net", "ipv4"));

    /// <param name="display">How the tree's root is named in sources and notes.</param>
    public static void Read(string directory, string display, SampleBuilder sample)
    {
        int read = 0;
        var reader = new BoundedFileReader(FileReadLimits.Capture);
        foreach (var file in EnumerateFiles(directory, sample, display))
        {
            var relative = Path.GetRelativePath(directory, file);
            var status = reader.TryRead(file, out var text);
            if (status != ReadStatus.Ok)
            {
                // A FIFO or a device in the copy is refused unread (it can neither block nor fill memory).
                var shown = Path.Combine(display, relative);
                sample.Note(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(shown), reader.Describe(status, shown)));
                continue;
            }
            sample.SetSysctl(SysctlKey.FromRelativePath(relative), SysctlKey.NormalizeValue(text), Path.Combine(display, relative));
            read++;
        }
        if (read > 0)
        {
            sample.Capabilities.Add(SnapshotCapability.Sysctls);
            sample.Inputs.Add(display);
        }
    }

    private static IEnumerable<string> EnumerateFiles(string directory, SampleBuilder sample, string display)
    {
        try
        {
            return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            sample.Note(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(display), $"{display}: {ex.Message}"));
            return [];
        }
    }
}
