using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Captures;

/// <summary>
/// Builds snapshots from raw captures: files (command output, copied /proc files) and folders, read recursively in
/// name order. Each file's kind is detected from its content, never its name; a folder that holds net/core or
/// net/ipv4 is read as a copied /proc/sys tree. In a folder, an empty file or one no parser recognises is skipped
/// with a note and the rest is read; a file named on the command line must be readable and recognised.
/// The parts are grouped per host (<see cref="RawHostGrouping"/>) and never merged across hosts. One capture is one
/// sample, except a file that holds several timed runs of a command (`date; netstat -s` typed twice): its first and
/// last runs are two samples, so rates exist. Several untimed runs: the last is read, with a note.
/// </summary>
public static class RawInputReader
{
    public static (SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics) Read(IEnumerable<string> paths, TimeProvider time) =>
        Read(paths, time, InputParserRegistry.Default);

    /// <param name="registry">The parsers; <see cref="InputParserRegistry.Create"/> takes the `nstat` mode hint.</param>
    /// <param name="host">A label or host name that picks one host's captures when the inputs hold several; null when they hold one.</param>
    public static (SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics) Read(IEnumerable<string> paths, TimeProvider time,
        InputParserRegistry registry, string? host = null)
    {
        var list = paths.ToList();
        var location = Location(list);
        var set = ReadSet(list, time, registry);
        if (host is not null)
        {
            if (set.Hosts.FirstOrDefault(h => h.IsNamed(host)) is { } chosen)
                return (chosen.Snapshot, chosen.Diagnostics);
            return Refused(time, location, $"{location}: no host named '{host}' in the captures (hosts: {Names(set)})");
        }
        return set.Hosts.Length switch
        {
            1 => (set.Hosts[0].Snapshot, set.Hosts[0].Diagnostics),
            _ => Refused(time, location,
                $"{location} holds captures of {set.Hosts.Length} hosts, which are never merged into one: {Describe(set)}. "
                + "Audit one host at a time: choose it with --host LABEL, or give only that host's files"),
        };
    }

    /// <summary>Reads the inputs and groups them per host; each host has its own snapshot and diagnostics.</summary>
    public static RawCaptureSet ReadSet(IEnumerable<string> paths, TimeProvider time, InputParserRegistry registry)
    {
        var now = time.GetUtcNow();
        var parts = new List<OfflinePart>();
        var list = paths.ToList();
        foreach (var path in list)
        {
            if (Directory.Exists(path))
                ReadDirectory(path, path, "", registry, now, parts);
            else if (File.Exists(path))
                ReadFile(path, path, path, explicitly: true, registry, now, parts);
            else
            {
                var missing = new SampleBuilder(now);
                missing.Note(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(path), $"{path}: no such file or folder"));
                parts.Add(new OfflinePart(path, "", missing, path));
            }
        }
        var location = Location(list);
        if (!parts.Any(p => p.HasData || p.Kind.Length > 0) && !parts.Any(p => p.Sample.Notes.Any(n => n.Severity == "error")))
        {
            // Only empty, unrecognised or unreadable files (each a warning in its folder): the source is empty (exit 3).
            // A capture that was recognised but lists nothing (ss with no listeners) is read, and is not empty.
            var empty = new SampleBuilder(now);
            empty.Note(Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(location),
                $"{location}: nothing could be read from it ({parts.Count(p => p.Path != location)} file(s), each empty, unrecognised or unreadable)"));
            parts.Add(new OfflinePart(location, "", empty));
        }
        var noteOnly = parts.Where(p => p.Label is null && !p.HasData).ToList();
        var hosts = RawHostGrouping.Group(parts, location);
        if (hosts.Count == 0)
            hosts.Add(new RawHostGrouping.HostParts(location, [], null));
        return new RawCaptureSet([.. hosts.Select(h => Assemble(h, noteOnly, now, hosts.Count == 1 ? location : $"{location} [{h.Label}]"))]);
    }

    private static RawHostCapture Assemble(RawHostGrouping.HostParts host, List<OfflinePart> noteOnly, DateTimeOffset now, string location)
    {
        var parts = host.Parts.Concat(noteOnly).ToList();
        var timed = parts.Where(p => p.First is not null).ToList();
        SampleBuilder? first = null;
        var last = now;
        if (timed.Count > 0)
        {
            first = OfflineSampleMerger.Merge(timed[0].First!.TakenAt, [timed[0] with { Sample = timed[0].First! }]);
            last = timed[0].Sample.TakenAt;
        }
        var sample = OfflineSampleMerger.Merge(last, parts);
        foreach (var other in timed.Skip(1))
            InputNotes.Info(sample, other.Path, 0, $"{other.Path} also holds timed runs; only {timed[0].Path}'s first and last runs are the two samples, this file's last run is read");
        if (host.Conflict is { } conflict)
            sample.Note(Diagnostic.Create(KnownDiagnostics.InputSeveralHosts, SourceSpan.File(location),
                $"the captures disagree on {conflict}: they look like several hosts and cannot be told apart; give each host's captures on its own"));
        var snapshot = SnapshotAssembler.Assemble(SnapshotSource.Raw, location, first, sample);
        var files = host.Parts.Select(p => p.Label is null ? p.Path : $"{p.Path} [{p.Label}]").Distinct().Order(StringComparer.Ordinal);
        return new RawHostCapture(host.Label, RawHostGrouping.Hostname(host.Parts), [.. files], snapshot, NoteDiagnostics.FromNotes(snapshot.Notes));
    }

    private static void ReadDirectory(string directory, string display, string group, InputParserRegistry registry, DateTimeOffset now, List<OfflinePart> parts)
    {
        if (ProcSysTree.IsTree(directory))
        {
            var tree = new SampleBuilder(now);
            ProcSysTree.Read(directory, display, tree);
            parts.Add(new OfflinePart(display, "proc/sys", tree, group));
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
            parts.Add(new OfflinePart(display, "", failed, group));
            return;
        }
        foreach (var file in files.Order(StringComparer.Ordinal))
            ReadFile(file, Path.Combine(display, Path.GetFileName(file)), group, explicitly: false, registry, now, parts);
        foreach (var folder in folders.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            ReadDirectory(folder, Path.Combine(display, name), group.Length == 0 ? Path.Combine(display, name) : group, registry, now, parts);
        }
    }

    /// <param name="explicitly">Named on the command line: then an empty or unrecognised file is an error, not a skipped file.</param>
    private static void ReadFile(string file, string display, string group, bool explicitly, InputParserRegistry registry, DateTimeOffset now, List<OfflinePart> parts)
    {
        var part = new SampleBuilder(now);
        if (OfflineFile.StreamingParser(file, registry) is { } streamed)
        {
            // A large capture read line by line: its records are kept, its text never is.
            if (OfflineFile.TryStream(streamed, file, display, part) is { } failure)
            {
                var failed = new SampleBuilder(now);
                failed.Note(failure);
                parts.Add(new OfflinePart(display, "", explicitly ? failed : Skippable(failed), group));
            }
            else
                AddParsed(part, display, streamed, group, explicitly, parts);
            return;
        }
        var text = OfflineFile.TryRead(file, display, part);
        if (text is null)
        {
            parts.Add(new OfflinePart(display, "", explicitly ? part : Skippable(part), group));
            return;
        }
        var parser = registry.Detect(text);
        if (parser is null && !explicitly)
        {
            if (text.Trim().Length == 0)
                InputNotes.Info(part, display, 0, $"{display} is empty; skipped");
            else
                part.Note(Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(display),
                    $"{display}: no parser recognises its content; the file was skipped and the rest of the folder read") with { Severity = Severity.Warning });
            parts.Add(new OfflinePart(display, "", part, group));
            return;
        }
        if (parser is IRunInputParser runs && runs.ParseRuns(text, display, now) is { Length: > 0 } read)
        {
            AddRuns(read, display, parser.Kind, group, parts);
            return;
        }
        parser = registry.Parse(text, display, part);
        AddParsed(part, display, parser, group, explicitly, parts);
    }

    /// <summary>A parsed file as a part; one whose every line was skipped yields nothing (<see cref="NothingRead"/>).</summary>
    private static void AddParsed(SampleBuilder part, string display, IInputParser? parser, string group, bool explicitly, List<OfflinePart> parts)
    {
        var parsed = new OfflinePart(display, parser?.Kind ?? "", part, group);
        if (parser is not null && !parsed.HasData && part.Notes.Any(n => n.Id == KnownDiagnostics.InputLineSkipped.Id))
        {
            NothingRead(part, display, parser.Kind, explicitly);
            parsed = parsed with { Kind = "" };   // nothing of that kind was read
        }
        parts.Add(parsed);
    }

    /// <summary>
    /// A file recognised as some kind of output whose every line was skipped (an invalid-UTF-8 capture, garbage under
    /// a real header): it yields nothing, which is an error when it was named (exit 3), not a quiet pass.
    /// </summary>
    private static void NothingRead(SampleBuilder part, string display, string kind, bool explicitly)
    {
        var message = $"{display}: looks like {kind} output, but none of its lines could be read (see the skipped lines)";
        part.Note(explicitly
            ? Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(display), message)
            : Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(display), message + "; the file was skipped and the rest read") with { Severity = Severity.Warning });
    }

    /// <summary>
    /// Runs of one file as parts: one per label (a host's block); the unlabelled runs as one part, whose first and last
    /// runs make two samples when both have a time, or whose last run alone is read.
    /// </summary>
    private static void AddRuns(ImmutableArray<InputRun> runs, string display, string kind, string group, List<OfflinePart> parts)
    {
        foreach (var byLabel in runs.GroupBy(r => r.Label ?? "", StringComparer.Ordinal))
        {
            var list = byLabel.ToList();
            var read = list.Where(r => r.Sample.Counters.Count > 0).ToList();
            var last = read.Count > 0 ? read[^1] : list[^1];
            foreach (var other in list.Where(r => r != last))
                last.Sample.Notes.AddRange(other.Sample.Notes);
            last.Sample.Inputs.Add(display);
            var label = byLabel.Key.Length > 0 ? byLabel.Key : null;
            SampleBuilder? first = null;
            if (read.Count > 1)
            {
                var where = $"{read.Count} runs (starting at lines {string.Join(", ", read.Select(r => r.FirstLine))})";
                if (read[0].Time is { } t0 && last.Time is { } t1 && t1 > t0)
                {
                    read[0].Sample.TakenAt = t0;
                    last.Sample.TakenAt = t1;
                    first = read[0].Sample;
                    InputNotes.Info(last.Sample, display, last.FirstLine,
                        $"{where}: the first and the last are two samples {(t1 - t0).TotalSeconds:0.###} s apart (from their `date` lines), so counters have rates"
                        + (read.Count > 2 ? $"; the {read.Count - 2} runs between them were not used" : ""));
                }
                else
                    InputNotes.Info(last.Sample, display, last.FirstLine,
                        $"{where} without a readable `date` line for the first and the last: the last run was read and the earlier ones were ignored (no interval, so no rates)");
            }
            parts.Add(new OfflinePart(display, kind, last.Sample, group, label, first));
        }
    }

    /// <summary>An unreadable or binary file inside a folder: its error becomes a warning, so the rest is still audited.</summary>
    internal static SampleBuilder Skippable(SampleBuilder part)
    {
        var notes = part.Notes.ToList();
        part.ClearNotes();
        foreach (var note in notes)
        {
            var d = NoteDiagnostics.ToDiagnostic(note);
            part.Note(d.Severity == Severity.Error ? d with { Severity = Severity.Warning, Message = $"{d.Message}; the file was skipped and the rest read" } : d);
        }
        return part;
    }

    private static string Location(List<string> paths) => paths.Count == 1 ? paths[0] : string.Join(", ", paths);

    /// <summary>"'server1', 'server2' (labelled blocks)" when every host is a block of the inputs; else each host with its files.</summary>
    private static string Describe(RawCaptureSet set) =>
        set.Hosts.All(h => h.Files.All(f => f.EndsWith($" [{h.Label}]", StringComparison.Ordinal)))
            ? $"{string.Join(", ", set.Hosts.Select(h => $"'{h.Label}'"))} (blocks under label lines)"
            : string.Join("; ", set.Hosts.Select(h => $"'{h.Label}' ({string.Join(", ", h.Files)})"));

    private static string Names(RawCaptureSet set) => set.Hosts.Length == 0 ? "none" : string.Join(", ", set.Hosts.Select(h => h.Label));

    private static (SystemSnapshot, ImmutableArray<Diagnostic>) Refused(TimeProvider time, string location, string message)
    {
        var sample = new SampleBuilder(time.GetUtcNow());
        sample.Note(Diagnostic.Create(KnownDiagnostics.InputSeveralHosts, SourceSpan.File(location), message));
        var snapshot = SnapshotAssembler.Assemble(SnapshotSource.Raw, location, null, sample);
        return (snapshot, NoteDiagnostics.FromNotes(snapshot.Notes));
    }
}
