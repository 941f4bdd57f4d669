using System.Collections.Immutable;
using TuneAdvisor.Formats;

namespace TuneAdvisor.Sources;

/// <summary>Where an audit or collect gets its snapshot: the live host (default), a saved snapshot, an image root, a sosreport, or raw captures.</summary>
public sealed record SnapshotRequest
{
    public string? SnapshotFile { get; init; }
    public string? ImageRoot { get; init; }
    public string? Sosreport { get; init; }
    public ImmutableArray<string> Inputs { get; init; } = [];
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How `nstat` output among <see cref="Inputs"/> is read: totals, increments, or decided from the content.</summary>
    public NstatMode Nstat { get; init; } = NstatMode.Auto;

    /// <summary>When <see cref="Inputs"/> hold captures of several hosts: the label ("server3") or host name of the one to read.</summary>
    public string? Host { get; init; }

    public bool IsLive => SnapshotFile is null && ImageRoot is null && Sosreport is null && Inputs.IsDefaultOrEmpty;

    /// <summary>How many offline sources were named; more than one is a usage error.</summary>
    public int OfflineSourceCount =>
        (SnapshotFile is null ? 0 : 1) + (ImageRoot is null ? 0 : 1) + (Sosreport is null ? 0 : 1) + (Inputs.IsDefaultOrEmpty ? 0 : 1);
}
