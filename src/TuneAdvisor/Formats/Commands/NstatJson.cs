using System.Text;
using System.Text.Json;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// `nstat -j` / `nstat --json` (one line) and `nstat -j -p` (pretty): {"kernel":{"TcpActiveOpens":40,…}}
/// (iproute2 misc/nstat.c dump_kern_db/dump_incr_db: one object named by the history's info source, "kernel" unless
/// the values come from an nstat daemon, holding one unsigned integer per counter). JSON carries no rate and no
/// "(overflow)" marker, so whether the values are totals or increments is decided as for the text output.
/// Read with <see cref="Utf8JsonReader"/> (no reflection); a paste cut inside the JSON keeps the counters before the cut.
/// </summary>
public static class NstatJson
{
    /// <summary>One "Name": value pair; <see cref="Value"/> is null when the number does not fit a long.</summary>
    public readonly record struct Entry(string Name, long? Value, int Line);

    /// <summary>What the JSON holds: the source object's name, its entries in order, and the problem that stopped reading (if any).</summary>
    public sealed record Result(string? Source, IReadOnlyList<Entry> Entries, string? Problem, int ProblemLine);

    /// <summary>True when the text (after blank and echoed-command lines) starts like nstat's JSON.</summary>
    public static bool LooksLikeJson(string text)
    {
        foreach (var line in InputLine.Split(text))
        {
            var t = line.Text.Trim();
            if (t.Length == 0 || CommandEcho.IsEcho(line.Text))
                continue;
            return t.StartsWith('{');
        }
        return false;
    }

    public static Result Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var entries = new List<Entry>();
        string? source = null;
        int start = Array.IndexOf(bytes, (byte)'{');
        if (start < 0)
            return new Result(null, entries, "no JSON object", 1);
        var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return new Result(null, entries, "not a JSON object", LineOf(bytes, start + (int)reader.TokenStartIndex));
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
                return new Result(null, entries, "the JSON object is empty", LineOf(bytes, start + (int)reader.TokenStartIndex));
            source = reader.GetString();
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return new Result(source, entries, $"\"{source}\" does not hold an object of counters", LineOf(bytes, start + (int)reader.TokenStartIndex));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? "";
                if (!reader.Read())
                    break;
                if (reader.TokenType != JsonTokenType.Number)
                    return new Result(source, entries, $"\"{name}\" is not a number", LineOf(bytes, start + (int)reader.TokenStartIndex));
                entries.Add(new Entry(name, reader.TryGetInt64(out var v) && v >= 0 ? v : null, LineOf(bytes, start + (int)reader.TokenStartIndex)));
            }
            if (reader.TokenType != JsonTokenType.EndObject)
                return new Result(source, entries, "the counters object does not end where expected", LineOf(bytes, start + (int)reader.TokenStartIndex));
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                return new Result(source, entries, "more than one object at the top level; only the first was read", LineOf(bytes, start + (int)reader.TokenStartIndex));
            return new Result(source, entries, null, 0);
        }
        catch (JsonException)
        {
            return new Result(source, entries, "the JSON ends or breaks before its closing braces (a cut paste?)", LineOf(bytes, start + (int)reader.BytesConsumed));
        }
    }

    private static int LineOf(byte[] bytes, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n')
                line++;
        return line;
    }
}
