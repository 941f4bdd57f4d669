using System.Buffers;
using System.Globalization;
using System.Text;

namespace TuneAdvisor.Reporting;

/// <summary>
/// Text others control (process names, command lines, interface names, sysctl values, host names, rule messages,
/// file names) made inert for a terminal or a report: every C0 control character, DEL, every C1 control character
/// and the Unicode controls that reorder or break lines (bidi overrides and isolates, LRM/RLM, U+2028/U+2029) are
/// written as a visible escape (<c>\x1b</c>, <c>\n</c>, <c>\u009b</c>, <c>\u202e</c>), never passed through and never
/// dropped, so what was there can still be read. Line breaks and tabs may be kept where the format needs them.
/// </summary>
public static class InertText
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(Build(keepLineBreaks: false));
    private static readonly SearchValues<char> ControlsButLineBreaks = SearchValues.Create(Build(keepLineBreaks: true));

    private static string Build(bool keepLineBreaks)
    {
        var chars = new StringBuilder();
        for (char c = '\0'; c < ' '; c++)
            if (!keepLineBreaks || c is not ('\n' or '\t'))
                chars.Append(c);
        for (char c = '\x7f'; c <= '\x9f'; c++)
            chars.Append(c);
        chars.Append("\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
        return chars.ToString();
    }

    /// <summary>True when <paramref name="c"/> is written escaped (line breaks and tabs included).</summary>
    public static bool IsEscaped(char c) => Controls.Contains(c);

    /// <summary>The text with every control character escaped; with <paramref name="keepLineBreaks"/>, '\n' and '\t' stay as they are.</summary>
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        var set = keepLineBreaks ? ControlsButLineBreaks : Controls;
        int first = text.AsSpan().IndexOfAny(set);
        if (first < 0)
            return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (set.Contains(c))
                AppendEscape(sb, c);
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Appends the visible form of one escaped character: \n \r \t, \xNN below U+0080 and DEL, \uNNNN above.</summary>
    public static void AppendEscape(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\n': sb.Append("\\n"); break;
            case '\r': sb.Append("\\r"); break;
            case '\t': sb.Append("\\t"); break;
            case < '\x80': sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
            default: sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
        }
    }
}
