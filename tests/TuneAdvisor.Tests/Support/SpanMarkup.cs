
namespace TuneAdvisor.Tests.Support;

/// <summary>
/// Roslyn-style span markup: <c>[|text|]</c> marks where a diagnostic is expected. Returns the text without the
/// markers and the 1-based (line, column) where the marked span starts.
/// </summary>
public static class SpanMarkup
{
    public static (string Text, int Line, int Column) Parse(string marked)
    {
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start)
            throw new ArgumentException("markup needs one [|…|] span", nameof(marked));
        var text = marked.Remove(end, 2).Remove(start, 2);
        int line = 1, col = 1;
        for (int i = 0; i < start; i++)
        {
            if (text[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return (text, line, col);
    }
}
