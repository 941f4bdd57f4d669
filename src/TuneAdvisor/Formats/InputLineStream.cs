using System.Collections;
using System.Text;
using TuneAdvisor.IO;

namespace TuneAdvisor.Formats;

/// <summary>
/// The lines of a file read in 64 KiB pieces, decoded as UTF-8 and split as <see cref="InputLine.Split"/> splits a
/// text (on '\n', a trailing '\r' dropped, the last line marked when no line break ends it), one line in memory at a
/// time. Enumerated once. A NUL byte stops it as <see cref="Binary"/>; a read failure or the cap stops it with the
/// stream's <see cref="BoundedFileStream.Status"/>; either way the caller discards what was parsed.
/// </summary>
public sealed class InputLineStream(BoundedFileStream stream) : IEnumerable<InputLine>
{
    private const int Piece = 64 * 1024;
    private bool _used;

    /// <summary>The file holds a NUL byte: binary content, not text.</summary>
    public bool Binary { get; private set; }

    /// <summary>Ok, or why the stream stopped before the end of the file.</summary>
    public ReadStatus Status => stream.Status;

    /// <summary>The last line read (null for an empty file).</summary>
    public InputLine? Last { get; private set; }

    public IEnumerator<InputLine> GetEnumerator()
    {
        if (_used)
            throw new InvalidOperationException("an InputLineStream is read once");
        _used = true;
        return Lines();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerator<InputLine> Lines()
    {
        var bytes = new byte[Piece];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(Piece)];
        var decoder = Encoding.UTF8.GetDecoder();
        var pending = new StringBuilder();
        int number = 0;
        while (true)
        {
            int n = stream.Read(bytes);
            int count = decoder.GetChars(bytes, 0, n, chars, 0, flush: n == 0);
            if (Array.IndexOf(chars, '\0', 0, count) >= 0)
            {
                Binary = true;
                yield break;
            }
            int start = 0;
            for (int i = Array.IndexOf(chars, '\n', 0, count); i >= 0; i = Array.IndexOf(chars, '\n', start, count - start))
            {
                var line = Line(pending, chars, start, i);
                start = i + 1;
                yield return (Last = new InputLine(++number, line, false)).Value;
            }
            pending.Append(chars, start, count - start);
            if (n == 0)
                break;
        }
        if (stream.Status == ReadStatus.Ok && pending.Length > 0)
            yield return (Last = new InputLine(++number, Line(pending, [], 0, 0), true)).Value;
    }

    /// <summary>The pending start of a line plus chars[start..end], without trailing '\r' (as InputLine.Split).</summary>
    private static string Line(StringBuilder pending, char[] chars, int start, int end)
    {
        while (end > start && chars[end - 1] == '\r')
            end--;
        if (pending.Length == 0)
            return new string(chars, start, end - start);
        pending.Append(chars, start, end - start);
        int length = pending.Length;
        if (end == start)
            while (length > 0 && pending[length - 1] == '\r')
                length--;
        var line = pending.ToString(0, length);
        pending.Clear();
        return line;
    }
}
