using System.Collections.Immutable;
using TuneAdvisor.Collection;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
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

    public static (SystemSnapshot? Snapshot, ImmutableArray<Diagnostic> Diagnostics) LoadSaved(string path, TextReader standardInput)
    {
        var bag = new DiagnosticBag();
        string text;
        if (path != "-" && Directory.Exists(path))
        {
            // File.ReadAllText says "Access to the path is denied" for a folder, which sends people to chmod.
            bag.Add(KnownDiagnostics.InputUnreadable, SourceSpan.File(path), $"{path} is a folder, not a saved snapshot (audit a folder of captures with --input, a sosreport with --sos, an image with --root)");
            return (null, bag.ToImmutableSorted());
        }
        try
        {
            text = path == "-" ? standardInput.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Add(KnownDiagnostics.InputUnreadable, SourceSpan.File(path), ex.Message);
            return (null, bag.ToImmutableSorted());
        }
        var snapshot = SnapshotJson.Deserialize(text, path, bag);
        return (snapshot, bag.ToImmutableSorted());
    }
}
