
namespace TuneAdvisor.Formats;

/// <summary>One line of an input file: its 1-based number, its text without the line break, and whether it was
/// the final line with no line break after it (a cut paste: such a line may be incomplete).</summary>
public readonly record struct InputLine(int Number, string Text, bool IsUnterminatedLast)
{
    /// <summary>
    /// The lines of a text, one at a time; "\r\n" is accepted, a final empty remainder is not a line. Lazy, so a
    /// parser that reads a 60 MB capture holds one line at a time, not a list of a million strings (callers that
    /// need a list take the few lines they look at first).
    /// </summary>
    public static IEnumerable<InputLine> Split(string text)
    {
        int start = 0, number = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            bool last = end < 0;
            int stop = last ? text.Length : end;
            while (stop > start && text[stop - 1] == '\r')
                stop--;
            yield return new InputLine(++number, text[start..stop], last);
            if (last)
                yield break;
            start = end + 1;
        }
    }

    /// <summary>"path:line", the provenance string records carry.</summary>
    public string Source(string path) => $"{path}:{Number}";
}
