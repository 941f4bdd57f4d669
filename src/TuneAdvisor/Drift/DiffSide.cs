using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Drift;

/// <summary>What a diff says about one of its snapshots: the file, the host and when and from what it was taken.</summary>
public sealed record DiffSide(string Path, string? Hostname, string? Kernel, DateTimeOffset CapturedAt, string SourceKind, string SourceLocation)
{
    public static DiffSide Of(string path, SystemSnapshot snapshot) =>
        new(path, snapshot.Host.Hostname, snapshot.Host.Kernel, snapshot.CapturedAt, snapshot.Source.Kind, snapshot.Source.Location);
}
