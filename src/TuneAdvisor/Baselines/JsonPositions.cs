using System.Text;
using System.Text.Json;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Baselines;

/// <summary>
/// Where each value of a JSON text starts, by path ("$.formatVersion", "$.findings[2].subject"), so a check made
/// after deserializing can still point at <c>file(line,col)</c>. Columns count characters, not bytes.
/// </summary>
internal sealed class JsonPositions
{
    private readonly byte[] _utf8;
    private readonly Dictionary<string, long> _offsets;

    private JsonPositions(byte[] utf8, Dictionary<string, long> offsets) => (_utf8, _offsets) = (utf8, offsets);

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; }
        public string? Property { get; set; }
    }

    /// <summary>The positions of a text that deserialized (so it is well-formed JSON).</summary>
    public static JsonPositions Of(byte[] utf8)
    {
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1].Property = reader.GetString();
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    offsets.TryAdd(PathOf(frames), reader.TokenStartIndex);
                    frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    NextElement(frames);
                    break;
                default:
                    offsets.TryAdd(PathOf(frames), reader.TokenStartIndex);
                    NextElement(frames);
                    break;
            }
        }
        return new JsonPositions(utf8, offsets);
    }

    /// <summary>Where the value at <paramref name="path"/> starts, or the whole file when the text has no such value.</summary>
    public SourceSpan Span(string file, string path) =>
        _offsets.TryGetValue(path, out var offset) ? SpanAt(_utf8, file, offset) : SourceSpan.File(file);

    /// <summary>The 1-based line and column of a byte offset.</summary>
    public static SourceSpan SpanAt(byte[] utf8, string file, long offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        int line = 1, start = 0;
        for (int i = 0; i < offset; i++)
            if (utf8[i] == (byte)'\n')
                (line, start) = (line + 1, i + 1);
        return SourceSpan.At(file, line, Encoding.UTF8.GetCharCount(utf8, start, (int)offset - start) + 1);
    }

    /// <summary>The span of a 0-based line and byte position in it, as <see cref="JsonException"/> gives them.</summary>
    public static SourceSpan SpanAt(byte[] utf8, string file, long line, long bytePositionInLine)
    {
        long offset = 0;
        for (long seen = 0; seen < line && offset < utf8.Length; offset++)
            if (utf8[offset] == (byte)'\n')
                seen++;
        return SpanAt(utf8, file, offset + bytePositionInLine);
    }

    private static void NextElement(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
            frames[^1].Index++;
    }

    private static string PathOf(List<Frame> frames)
    {
        var sb = new StringBuilder("$");
        foreach (var f in frames)
        {
            if (f.IsArray)
                sb.Append('[').Append(f.Index).Append(']');
            else
                sb.Append('.').Append(f.Property);
        }
        return sb.ToString();
    }
}
