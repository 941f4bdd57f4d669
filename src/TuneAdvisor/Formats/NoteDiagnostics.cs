using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats;

/// <summary>
/// Turns the notes parsers recorded in a sample back into <see cref="Diagnostic"/> values for the readers' callers.
/// Parsers record diagnostics with <see cref="SampleBuilder.Note(Diagnostic)"/>, whose location is "path(line,col)" or
/// "path", so the round trip is exact.
/// </summary>
public static partial class NoteDiagnostics
{
    [GeneratedRegex(@"^(?<path>.*)\((?<line>\d+),(?<col>\d+)\)$")]
    private static partial Regex Located();

    public static ImmutableArray<Diagnostic> FromNotes(IEnumerable<SnapshotNote> notes) =>
        DiagnosticBag.Sort(notes.Select(ToDiagnostic));

    public static Diagnostic ToDiagnostic(SnapshotNote note)
    {
        var descriptor = KnownDiagnostics.All.FirstOrDefault(d => d.Id == note.Id) ?? KnownDiagnostics.InputNote;
        var severity = SeverityNames.TryParse(note.Severity, out var s) ? s : descriptor.DefaultSeverity;
        var span = SourceSpan.File(note.Location ?? "");
        if (note.Location is { } location && Located().Match(location) is { Success: true } m)
            span = SourceSpan.At(m.Groups["path"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture));
        return new Diagnostic(descriptor, span, note.Message, severity);
    }
}
