using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats;

/// <summary>The notes every offline parser records, so they read the same whatever the input kind.</summary>
public static class InputNotes
{
    /// <summary>A line that could not be parsed: InputLineSkipped, or TruncatedInput when it is the unterminated final line.</summary>
    public static void Skipped(SampleBuilder sample, string path, InputLine line, string why)
    {
        if (line.IsUnterminatedLast)
            Truncated(sample, path, line, why);
        else
            sample.Note(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(path, line.Number), $"{why}: '{Shorten(line.Text)}'"));
    }

    /// <summary>The final line was cut (no line break after it) and is incomplete; what it lacks stays unknown.</summary>
    public static void Truncated(SampleBuilder sample, string path, InputLine line, string what) =>
        sample.Note(Diagnostic.Create(KnownDiagnostics.TruncatedInput, SourceSpan.At(path, line.Number),
            $"the last line has no line break and is incomplete ({what}); its missing parts are unknown"));

    public static void Info(SampleBuilder sample, string path, int line, string message) =>
        sample.Note(Diagnostic.Create(KnownDiagnostics.InputNote, line > 0 ? SourceSpan.At(path, line) : SourceSpan.File(path), message));

    private static string Shorten(string text)
    {
        var t = text.Trim();
        return t.Length <= 80 ? t : t[..77] + "...";
    }
}
