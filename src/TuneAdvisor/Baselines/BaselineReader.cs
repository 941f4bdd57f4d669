using System.Text.Json;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;

namespace TuneAdvisor.Baselines;

/// <summary>
/// Reads a baseline file (<c>--baseline</c>). The user named it, so every problem is theirs to fix, like a policy file's:
/// an unreadable file is TA0351, and JSON that is malformed or not a baseline (a missing rule id, a newer format) is
/// TA0352 at <c>file(line,col)</c>; either stops the run before anything is collected.
/// </summary>
public static class BaselineReader
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static BaselineFile? Load(string path, DiagnosticBag diagnostics)
    {
        // Through the one bounded reader: a FIFO or a device is refused unread, the cap counts bytes actually read.
        var reader = new BoundedFileReader(FileReadLimits.Baseline);
        var status = reader.TryReadBytes(path, out var bytes);
        if (status != ReadStatus.Ok)
        {
            diagnostics.Add(KnownDiagnostics.BaselineUnreadable, SourceSpan.File(path), status == ReadStatus.Missing ? "no such file" : reader.Describe(status, path));
            return null;
        }
        return Parse(bytes.ToArray(), path, diagnostics);
    }

    public static BaselineFile? Parse(byte[] utf8, string path, DiagnosticBag diagnostics)
    {
        if (utf8.AsSpan().StartsWith(Bom))
            utf8 = utf8[Bom.Length..];
        BaselineFile? file;
        try
        {
            file = JsonSerializer.Deserialize(utf8, BaselineJsonContext.Default.BaselineFile);
        }
        catch (JsonException e)
        {
            diagnostics.Add(KnownDiagnostics.BaselineInvalid, Where(e, utf8, path), Explain(e));
            return null;
        }
        if (file is null)
        {
            diagnostics.Add(KnownDiagnostics.BaselineInvalid, SourceSpan.File(path), "the file holds JSON null, not a baseline");
            return null;
        }
        file = Normalized(file);
        return Check(file, JsonPositions.Of(utf8), path, diagnostics) ? file : null;
    }

    /// <summary>
    /// Members the file leaves out read as empty. (The source generator sets a member the JSON lacks to its default,
    /// null, not to the initializer's value.)
    /// </summary>
    private static BaselineFile Normalized(BaselineFile file) => file with
    {
        Tool = file.Tool ?? "",
        ToolVersion = file.ToolVersion ?? "",
        Findings = file.Findings.IsDefault ? [] : [.. file.Findings.Select(e => e with
        {
            Severity = e.Severity ?? "",
            Category = e.Category ?? "",
            Title = e.Title ?? "",
        })],
    };

    /// <summary>What deserializing cannot tell: the format version, and that each entry names a rule, a subject and a severity.</summary>
    private static bool Check(BaselineFile file, JsonPositions positions, string path, DiagnosticBag diagnostics)
    {
        int before = diagnostics.Count;
        if (file.FormatVersion != BaselineFile.CurrentFormatVersion)
            diagnostics.Add(KnownDiagnostics.BaselineInvalid, positions.Span(path, "$.formatVersion"), file.FormatVersion > BaselineFile.CurrentFormatVersion
                ? $"formatVersion {file.FormatVersion} is newer than this TuneAdvisor reads ({BaselineFile.CurrentFormatVersion}); write the baseline again with this version, or upgrade"
                : $"formatVersion {file.FormatVersion} is not a baseline format (this TuneAdvisor reads {BaselineFile.CurrentFormatVersion})");
        for (int i = 0; i < file.Findings.Length; i++)
        {
            var e = file.Findings[i];
            var at = $"$.findings[{i}]";
            if (e.RuleId.Trim().Length == 0)
                diagnostics.Add(KnownDiagnostics.BaselineInvalid, positions.Span(path, at + ".ruleId"), $"findings[{i}]: 'ruleId' is empty");
            if (e.Subject.Trim().Length == 0)
                diagnostics.Add(KnownDiagnostics.BaselineInvalid, positions.Span(path, at + ".subject"), $"findings[{i}]: 'subject' is empty");
            if (e.Severity.Length > 0 && !SeverityNames.TryParse(e.Severity, out _))
                diagnostics.Add(KnownDiagnostics.BaselineInvalid, positions.Span(path, at + ".severity"), $"findings[{i}]: '{e.Severity}' is not a severity (error, warning, info)");
        }
        return diagnostics.Count == before;
    }

    /// <summary>
    /// Where a value has the wrong type, is null or lacks a member: the start of that value (System.Text.Json points
    /// past it). Where the text itself is malformed: the point the reader stopped at.
    /// </summary>
    private static SourceSpan Where(JsonException e, byte[] utf8, string path)
    {
        try
        {
            if (e.Path is { } at && JsonPositions.Of(utf8).Span(path, at) is { HasPosition: true } value)
                return value;
        }
        catch (JsonException)
        {
            // malformed text: only the reader's own position is known
        }
        return e.LineNumber is { } line ? JsonPositions.SpanAt(utf8, path, line, e.BytePositionInLine ?? 0) : SourceSpan.File(path);
    }

    /// <summary>System.Text.Json's message in the file's terms: no .NET type names, and the position left to the span.</summary>
    private static string Explain(JsonException e)
    {
        var message = e.Message;
        foreach (var tail in new[] { " Path: ", " LineNumber: " })
            if (message.IndexOf(tail, StringComparison.Ordinal) is > 0 and var cut)
                message = message[..cut];
        var at = e.Path is { Length: > 2 } p ? p[2..] : null;   // "$.findings[0].subject" → "findings[0].subject"
        var where = at is null ? "" : at + ": ";
        const string missing = "was missing required properties including: ";
        if (message.IndexOf(missing, StringComparison.Ordinal) is >= 0 and var m)
            return $"{where}required {message[(m + missing.Length)..].TrimEnd('.')} is missing";
        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
            return $"{where}expected {Expected(at)}";
        if (message.Contains("doesn't allow null values", StringComparison.Ordinal) || message.Contains("doesn't allow getting null values", StringComparison.Ordinal))
            return $"{where}must not be null";
        return where + message;
    }

    /// <summary>What the value at a path must be (System.Text.Json names the enclosing .NET type instead).</summary>
    private static string Expected(string? path)
    {
        if (path is null)
            return "an object (a baseline) with formatVersion and findings";
        var member = path[(path.LastIndexOf('.') + 1)..];
        return member switch
        {
            "formatVersion" => "a whole number",
            "createdAt" => "a date and time with an offset (2026-03-01T12:00:00+00:00)",
            "findings" => "a list of findings",
            _ when member.EndsWith(']') => "an object (one finding: ruleId, subject, severity, category, title)",
            _ => "a string",
        };
    }
}
