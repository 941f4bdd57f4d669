using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Offline;

/// <summary>
/// Builds a snapshot from raw captures: files (command output, copied /proc files) and folders, read recursively in
/// name order. Each file's kind is detected from its content, never its name; a folder that holds net/core or
/// net/ipv4 is read as a copied /proc/sys tree. One capture is one sample, so the snapshot never has Rates unless
/// an input is itself an increment (plain `nstat`).
/// </summary>
public static class RawInputReader
{
    public static (SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics) Read(IEnumerable<string> paths, TimeProvider time) =>
        Read(paths, time, InputParserRegistry.Default);

    /// <param name="registry">The parsers; <see cref="InputParserRegistry.Create"/> takes the `nstat` mode hint.</param>
    public static (SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics) Read(IEnumerable<string> paths, TimeProvider time, InputParserRegistry registry)
    {
        var now = time.GetUtcNow();
        var parts = new List<OfflinePart>();
        var list = paths.ToList();
        foreach (var path in list)
        {
            if (Directory.Exists(path))
                ReadDirectory(path, path, registry, now, parts);
            else if (File.Exists(path))
                ReadFile(path, path, registry, now, parts);
            else
            {
                var missing = new SampleBuilder(now);
                missing.Note(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(path), $"{path}: no such file or folder"));
                parts.Add(new OfflinePart(path, "", missing));
            }
        }
        var sample = OfflineSampleMerger.Merge(now, parts);
        var location = list.Count == 1 ? list[0] : string.Join(", ", list);
        var snapshot = SnapshotAssembler.Assemble(SnapshotSource.Raw, location, null, sample);
        return (snapshot, NoteDiagnostics.FromNotes(snapshot.Notes));
    }

    private static void ReadDirectory(string directory, string display, InputParserRegistry registry, DateTimeOffset now, List<OfflinePart> parts)
    {
        if (ProcSysTree.IsTree(directory))
        {
            var tree = new SampleBuilder(now);
            ProcSysTree.Read(directory, display, tree);
            parts.Add(new OfflinePart(display, "proc/sys", tree));
            return;
        }
        string[] files, folders;
        try
        {
            files = Directory.GetFiles(directory);
            folders = Directory.GetDirectories(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var failed = new SampleBuilder(now);
            failed.Note(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(display), $"{display}: {ex.Message}"));
            parts.Add(new OfflinePart(display, "", failed));
            return;
        }
        foreach (var file in files.Order(StringComparer.Ordinal))
            ReadFile(file, Path.Combine(display, Path.GetFileName(file)), registry, now, parts);
        foreach (var folder in folders.Order(StringComparer.Ordinal))
            ReadDirectory(folder, Path.Combine(display, Path.GetFileName(folder)), registry, now, parts);
    }

    private static void ReadFile(string file, string display, InputParserRegistry registry, DateTimeOffset now, List<OfflinePart> parts)
    {
        var part = new SampleBuilder(now);
        var text = OfflineFile.TryRead(file, display, part);
        var parser = text is null ? null : registry.Parse(text, display, part);
        parts.Add(new OfflinePart(display, parser?.Kind ?? "", part));
    }
}
