
namespace TuneAdvisor.Formats;

/// <summary>One line of an input file: its 1-based number, its text without the line break, and whether it was
/// the final line with no line break after it (a cut paste: such a line may be incomplete).</summary>
public readonly record struct InputLine(int Number, string Text, bool IsUnterminatedLast)
{
    /// <summary>Splits text into lines; "\r\n" is accepted, a final empty remainder is not a line.</summary>
    public static List<InputLine> Split(string text)
    {
        var lines = new List<InputLine>();
        int start = 0, number = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            bool last = end < 0;
            var line = last ? text[start..] : text[start..end];
            lines.Add(new InputLine(++number, line.TrimEnd('\r'), last));
            if (last)
                break;
            start = end + 1;
        }
        return lines;
    }

    /// <summary>"path:line", the provenance string records carry.</summary>
    public string Source(string path) => $"{path}:{Number}";
}
