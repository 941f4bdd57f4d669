using System.Collections.Immutable;
using TuneAdvisor.Collection;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor;

/// <summary>Produces the snapshot a request names. Errors come back as diagnostics (and a null snapshot), never exceptions.</summary>
public static class SnapshotProvider
{
    public static async Task<(SystemSnapshot? Snapshot, ImmutableArray<Diagnostic> Diagnostics)> LoadAsync(
        SnapshotRequest request, CollectionContext context, IProgress<double>? progress, CancellationToken ct)
    {
        if (request.SnapshotFile is { } file)
            return LoadSaved(file);
        if (request.IsLive)
            return await HostCollection.CollectAsync(context, request.Interval, progress, ct).ConfigureAwait(false);
        var bag = new DiagnosticBag();
        bag.Add(KnownDiagnostics.InputUnrecognized, SourceSpan.File(request.ImageRoot ?? request.Sosreport ?? string.Join(", ", request.Inputs)),
            "this build does not read image roots, sosreports or raw captures yet");
        return (null, bag.ToImmutableSorted());
    }

    public static (SystemSnapshot? Snapshot, ImmutableArray<Diagnostic> Diagnostics) LoadSaved(string path)
    {
        var bag = new DiagnosticBag();
        string text;
        try
        {
            text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
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
