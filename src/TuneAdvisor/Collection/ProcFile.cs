using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection;

/// <summary>Reads small kernel files, turning I/O failures into notes and null (unknown) instead of exceptions.</summary>
public static class ProcFile
{
    public static string? TryRead(string path, SampleBuilder? sample)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (UnauthorizedAccessException)
        {
            sample?.Note(KnownDiagnostics.PermissionDenied, path, path);
            return null;
        }
        catch (Exception ex) when (ex is IOException)
        {
            if (ex is not FileNotFoundException and not DirectoryNotFoundException)
                sample?.Note(KnownDiagnostics.SourceUnavailable, path, $"{path}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Reads a one-line file and trims it; null when missing or unreadable (e.g. speed of a down link: EINVAL).</summary>
    public static string? TryReadLine(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
