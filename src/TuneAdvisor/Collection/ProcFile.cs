using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection;

/// <summary>Reads kernel files through <see cref="BoundedFileReader"/>, turning failures into notes and null (unknown) instead of exceptions.</summary>
public static class ProcFile
{
    public static string? TryRead(string path, SampleBuilder? sample, FileReadLimits? limits = null)
    {
        var reader = new BoundedFileReader(limits ?? FileReadLimits.Kernel);
        var status = reader.TryRead(path, out var text);
        switch (status)
        {
            case ReadStatus.Ok:
                return text;
            case ReadStatus.PermissionDenied:
                sample?.Note(KnownDiagnostics.PermissionDenied, path, path);
                return null;
            case ReadStatus.Missing:
                return null;
            default:
                sample?.Note(KnownDiagnostics.SourceUnavailable, path, reader.Describe(status, path));
                return null;
        }
    }

    /// <summary>Reads a one-line file and trims it; null when missing or unreadable (e.g. speed of a down link: EINVAL).</summary>
    public static string? TryReadLine(string path, FileReadLimits? limits = null) =>
        new BoundedFileReader(limits ?? FileReadLimits.Kernel).ReadOrNull(path)?.Trim();
}
