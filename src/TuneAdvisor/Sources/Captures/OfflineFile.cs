using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Sources.Captures;

/// <summary>Reads one offline input file as text, turning I/O problems and binary content into notes.</summary>
public static class OfflineFile
{
    /// <summary>Inputs larger than this are not command output or /proc copies.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static string? TryRead(string file, string display, SampleBuilder sample)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxBytes)
            {
                sample.Note(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(display), $"{display}: larger than {MaxBytes / 1024 / 1024} MiB"));
                return null;
            }
            var text = File.ReadAllText(file);
            if (text.Contains('\0'))
            {
                sample.Note(Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(display), $"{display}: binary content"));
                return null;
            }
            return text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            sample.Note(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(display), $"{display}: {ex.Message}"));
            return null;
        }
    }
}
