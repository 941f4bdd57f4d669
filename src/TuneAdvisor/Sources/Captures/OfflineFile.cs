using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Sources.Captures;

/// <summary>Reads one offline input file as text, turning I/O problems and binary content into notes.</summary>
public static class OfflineFile
{
    /// <summary>Inputs larger than this are not command output or /proc copies (<see cref="FileReadLimits.Capture"/>).</summary>
    public static long MaxBytes => FileReadLimits.Capture.MaxBytes;

    /// <summary>
    /// The file's text, or null after an error note: missing, unreadable, a folder, a FIFO or device (refused unread,
    /// so it can neither block nor fill memory), more than <see cref="MaxBytes"/>, or binary content.
    /// </summary>
    public static string? TryRead(string file, string display, SampleBuilder sample)
    {
        var reader = new BoundedFileReader(FileReadLimits.Capture);
        var status = reader.TryRead(file, out var text);
        if (status != ReadStatus.Ok)
        {
            sample.Note(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(display), reader.Describe(status, display)));
            return null;
        }
        if (text.Contains('\0'))
        {
            sample.Note(Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(display), $"{display}: binary content"));
            return null;
        }
        return text;
    }
}
