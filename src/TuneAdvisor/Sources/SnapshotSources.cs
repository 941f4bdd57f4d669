using System.Collections.Immutable;
using TuneAdvisor.Collection;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.IO;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Captures;
using TuneAdvisor.Sources.Image;
using TuneAdvisor.Sources.Sosreport;

namespace TuneAdvisor.Sources;

/// <summary>Produces the snapshot a request names. Errors come back as diagnostics (and a null snapshot), never exceptions.</summary>
public static class SnapshotSources
{
    public static async Task<(SystemSnapshot? Snapshot, ImmutableArray<Diagnostic> Diagnostics)> LoadAsync(
        SnapshotRequest request, CollectionContext context, TextReader standardInput, IProgress<double>? progress, CancellationToken ct)
    {
        if (request.SnapshotFile is "-")
            return await LoadStandardInputAsync(standardInput, ct).ConfigureAwait(false);
        if (request.SnapshotFile is { } file)
            return LoadSaved(file, standardInput);
        if (request.IsLive)
            return await HostCollection.CollectAsync(context, request.Interval, progress, ct).ConfigureAwait(false);
        if (request.ImageRoot is { } root)
            return Checked(ImageRootReader.Read(root, context.Time));
        if (request.Sosreport is { } sos)
            return Checked(SosreportReader.Read(sos, context.Time));
        // A single folder given to --input that is an unpacked sosreport is read as one.
        if (request.Inputs.Length == 1 && Directory.Exists(request.Inputs[0]) && SosreportReader.IsSosreport(request.Inputs[0]))
            return Checked(SosreportReader.Read(request.Inputs[0], context.Time));
        return Checked(RawInputReader.Read(request.Inputs, context.Time, InputParserRegistry.Create(request.Nstat), request.Host));
    }

    /// <summary>A reader's result, with the snapshot withheld when any diagnostic is an error.</summary>
    private static (SystemSnapshot?, ImmutableArray<Diagnostic>) Checked((SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics) read) =>
        (read.Diagnostics.Any(d => d.Severity == Severity.Error) ? null : read.Snapshot, DiagnosticBag.Sort(read.Diagnostics));

    /// <summary>A snapshot saved by `collect`: at most <see cref="FileReadLimits.Snapshot"/> of a regular file, parsed from its UTF-8 bytes.</summary>
    public static (SystemSnapshot? Snapshot, ImmutableArray<Diagnostic> Diagnostics) LoadSaved(string path, TextReader standardInput)
    {
        var bag = new DiagnosticBag();
        if (path == "-")
        {
            var text = BoundedTextReader.ReadToEnd(standardInput, StandardInputName, FileReadLimits.Snapshot, CancellationToken.None, out var problem);
            return (text is null ? Unreadable(bag, StandardInputName, problem) : SnapshotJson.Deserialize(text, StandardInputName, bag), bag.ToImmutableSorted());
        }
        var reader = new BoundedFileReader(FileReadLimits.Snapshot);
        var status = reader.TryReadBytes(path, out var bytes);
        if (status != ReadStatus.Ok)
        {
            // Worded for a folder too: "Access to the path is denied" would send people to chmod.
            var why = status == ReadStatus.Directory
                ? $"{path} is a folder, not a saved snapshot (audit a folder of captures with --input, a sosreport with --sos, an image with --root)"
                : reader.Describe(status, path);
            return (Unreadable(bag, path, why), bag.ToImmutableSorted());
        }
        var snapshot = SnapshotJson.Deserialize(bytes, path, bag);
        return (snapshot, bag.ToImmutableSorted());
    }

    /// <summary>How standard input is named in diagnostics.</summary>
    public const string StandardInputName = "standard input";

    /// <summary>
    /// `--snapshot -`: the read blocks for as long as the writer keeps the pipe open and silent, so it runs on a pool
    /// thread and the run stops waiting for it when <paramref name="ct"/> is cancelled (SIGINT, SIGTERM).
    /// </summary>
    private static Task<(SystemSnapshot?, ImmutableArray<Diagnostic>)> LoadStandardInputAsync(TextReader standardInput, CancellationToken ct) =>
        Task.Run(() => LoadSaved("-", standardInput), CancellationToken.None).WaitAsync(ct);

    private static SystemSnapshot? Unreadable(DiagnosticBag bag, string path, string message)
    {
        bag.Add(KnownDiagnostics.InputUnreadable, SourceSpan.File(path), message);
        return null;
    }
}
