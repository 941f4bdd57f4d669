using System.Text;
using System.Text.Json;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// Saves and loads snapshots as versioned JSON (see schemas/snapshot.schema.json). Written compact by default (one
/// line; <c>jq .</c> or <c>indented: true</c> for people), with null (unknown) properties left out: a reader takes a
/// missing property as unknown. Files of schema version 1, which wrote every property, still load.
/// </summary>
public static class SnapshotJson
{
    /// <summary>The snapshot as JSON text, ending in a newline.</summary>
    public static string Serialize(SystemSnapshot snapshot, bool indented = false)
    {
        using var buffer = new MemoryStream();
        Write(snapshot, buffer, indented);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes the same JSON as <see cref="Serialize"/> straight to a stream in 64 KiB pieces. The source-generated
    /// serializer runs on its fast path (straight-line writer calls per record) in constant memory, where
    /// JsonSerializer.Serialize(Stream) would take its resumable metadata path for a large snapshot: for 100 000
    /// sockets that was about half the time of a whole <c>collect</c>. The connection arrays, most of the bytes, go
    /// through <see cref="ConnectionArrayConverter"/>.
    /// </summary>
    public static void Write(SystemSnapshot snapshot, Stream stream, bool indented = false)
    {
        // A snapshot loaded from an older file is written in today's format, so it says so.
        if (snapshot.SchemaVersion != SystemSnapshot.CurrentSchemaVersion)
            snapshot = snapshot with { SchemaVersion = SystemSnapshot.CurrentSchemaVersion };
        using var buffer = new StreamBufferWriter(stream);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, SkipValidation = true }))
            JsonSerializer.Serialize(writer, snapshot, SnapshotJsonContext.Default.SystemSnapshot);
        buffer.Write("\n"u8);
        buffer.Flush();
    }

    /// <summary>Nesting deeper than this is refused (a snapshot nests five levels); also the serializer's own guard against stack exhaustion.</summary>
    public const int MaxDepth = SnapshotJsonContext.MaxDepth;

    /// <summary>Parses a saved snapshot; problems come back as diagnostics naming the file and line.</summary>
    public static SystemSnapshot? Deserialize(string json, string path, DiagnosticBag diagnostics) =>
        Deserialize(Encoding.UTF8.GetBytes(json), path, diagnostics);

    /// <summary>Parses a saved snapshot from its UTF-8 bytes (no UTF-16 copy of a file that may be hundreds of MB).</summary>
    public static SystemSnapshot? Deserialize(ReadOnlySpan<byte> json, string path, DiagnosticBag diagnostics)
    {
        try
        {
            var snapshot = JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.SystemSnapshot);
            if (snapshot is null)
            {
                diagnostics.Add(KnownDiagnostics.SnapshotInvalid, SourceSpan.File(path), "the file holds JSON null");
                return null;
            }
            if (snapshot.SchemaVersion > SystemSnapshot.CurrentSchemaVersion)
            {
                diagnostics.Add(KnownDiagnostics.SnapshotInvalid, SourceSpan.File(path),
                    $"schemaVersion {snapshot.SchemaVersion} is newer than this tool understands ({SystemSnapshot.CurrentSchemaVersion})");
                return null;
            }
            // A list added after a file was written (closedConnections, new in version 2) is absent from it; the
            // source generator then leaves the property default rather than at its initializer, so read it as empty.
            return snapshot.ClosedConnections.IsDefault ? snapshot with { ClosedConnections = [] } : snapshot;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? -1) + 1;
            var col = (int)(ex.BytePositionInLine ?? 0) + 1;
            var span = line > 0 ? SourceSpan.At(path, line, col) : SourceSpan.File(path);
            diagnostics.Add(KnownDiagnostics.SnapshotInvalid, span, FirstSentence(ex.Message));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
