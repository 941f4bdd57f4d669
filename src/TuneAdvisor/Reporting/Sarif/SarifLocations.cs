using System.Text.RegularExpressions;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Reporting.Sarif;

/// <summary>
/// Turns TuneAdvisor's "where it came from" strings into SARIF artifact locations. A source names a file when it is
/// a path ("/proc/sys/net/core/somaxconn", "etc/sysctl.d/60-x.conf:3", "sysctl_-a:412", "ss_-peaonmi line 12");
/// descriptions such as "kernel default (5.4+)" are not locations. Relative paths are relative to the snapshot's
/// root, the SARIF base id <see cref="SnapshotRoot"/>.
/// </summary>
public static partial class SarifLocations
{
    public const string SnapshotRoot = "SNAPSHOTROOT";

    [GeneratedRegex(@"^(?<path>[A-Za-z0-9_./+@~-]+?)(?:(?::| line )(?<line>[1-9][0-9]{0,8}))?$")]
    private static partial Regex SourcePattern();

    /// <summary>The file and (1-based) line a source string names, or null when it names no file.</summary>
    public static (string Path, int? Line)? ParseSource(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
            return null;
        var m = SourcePattern().Match(source.Trim());
        if (!m.Success)
            return null;
        var path = m.Groups["path"].Value;
        int? line = m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        // A bare word ("default", "test") is not a file; a path has a slash or a line number.
        if (!path.Contains('/') && line is null)
            return null;
        if (path.Split('/').Any(seg => seg is ".."))
            return null;
        return (path, line);
    }

    public static SarifPhysicalLocation? FromSource(string? source) =>
        ParseSource(source) is { } p ? Physical(p.Path, p.Line, relativeBase: SnapshotRoot) : null;

    /// <summary>A physical location for a path: absolute paths become file:// URIs; relative ones keep <paramref name="relativeBase"/>.</summary>
    public static SarifPhysicalLocation Physical(string path, int? line, string? relativeBase) => new(Artifact(path, relativeBase))
    {
        Region = line is { } l and > 0 ? new SarifRegion(l) : null,
    };

    public static SarifArtifactLocation Artifact(string path, string? relativeBase) => path.StartsWith('/')
        ? new SarifArtifactLocation { Uri = "file://" + EscapePath(path) }
        : new SarifArtifactLocation { Uri = EscapePath(path), UriBaseId = relativeBase };

    /// <summary>The root relative sources are resolved against, as a file:// URI when the source was read from a local path.</summary>
    public static SarifArtifactLocation RootOf(SnapshotSource source)
    {
        var description = new SarifMessage($"The root of the {source.Kind} source the snapshot was read from ({source.Location}).");
        var readFromRoot = source.Kind is SnapshotSource.Live or SnapshotSource.Image or SnapshotSource.Sosreport or SnapshotSource.Raw;
        if (!readFromRoot || !source.Location.StartsWith('/'))
            return new SarifArtifactLocation { Description = description };
        var dir = source.Location.EndsWith('/') ? source.Location : source.Location + "/";
        return new SarifArtifactLocation { Uri = "file://" + EscapePath(dir), Description = description };
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
