using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Sources.Captures;

/// <summary>
/// Reads one offline input file, turning I/O problems and binary content into notes. Small files are read whole;
/// a large one whose kind is read line by line (ss, netstat socket lists) is streamed to its parser, so a 60 MB
/// capture costs its records, not its text (see <see cref="TryStream"/>).
/// </summary>
public static class OfflineFile
{
    /// <summary>Inputs larger than this are not command output or /proc copies (<see cref="FileReadLimits.Capture"/>).</summary>
    public static long MaxBytes => FileReadLimits.Capture.MaxBytes;

    /// <summary>Files from this size on are detected from their head and streamed when their parser allows it.</summary>
    public const long StreamBytes = 8 * 1024 * 1024;

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

    /// <summary>
    /// For a regular file of at least <see cref="StreamBytes"/>: its parser when that reads lines (detected from the
    /// first <see cref="InputParserRegistry.SniffLength"/> characters), else null, and the file is read whole.
    /// Only looks (a stat and a read of the head); problems are left for the whole read to note.
    /// </summary>
    public static ILineInputParser? StreamingParser(string file, InputParserRegistry registry)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists || info.Length < StreamBytes || Formats.Proc.ProcSysFileParser.TryKey(file, "") is not null)
                return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var reader = new BoundedFileReader(new FileReadLimits(InputParserRegistry.SniffLength, KeepStart: true));
        var status = reader.TryRead(file, out var head);
        if (status is not (ReadStatus.Ok or ReadStatus.TooLarge) || head.Contains('\0'))
            return null;
        return registry.Detect(head) as ILineInputParser;
    }

    /// <summary>
    /// Streams the file's lines to <paramref name="parser"/> into <paramref name="sample"/>. Returns null when the
    /// whole file was parsed, else the note that replaces the part (binary content, a read failure, over the cap):
    /// the caller then drops what was parsed.
    /// </summary>
    public static Diagnostic? TryStream(ILineInputParser parser, string file, string display, SampleBuilder sample)
    {
        var reader = new BoundedFileReader(FileReadLimits.Capture);
        var status = reader.TryOpen(file, out var stream);
        if (status != ReadStatus.Ok)
            return Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(display), reader.Describe(status, display));
        using (stream)
        {
            var lines = new InputLineStream(stream!);
            parser.Parse(lines, display, sample);
            if (lines.Binary)
                return Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(display), $"{display}: binary content");
            if (lines.Status != ReadStatus.Ok)
                return Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(display), reader.Describe(lines.Status, display));
            if (lines.Last is { } last)
                InputParserRegistry.NoteCutLastLine(last, display, sample);
            sample.Inputs.Add(display);
            return null;
        }
    }
}
