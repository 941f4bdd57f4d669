using System.Text;

namespace TuneAdvisor.Reporting;

/// <summary>
/// The Markdown report's one escaping policy. Every value a template writes is <see cref="Inline"/> text unless the
/// template says otherwise: <c>\</c>, <c>|</c>, <c>&lt;</c>, <c>&gt;</c> and backticks are backslash-escaped (so a value
/// can neither end a table cell, nor open raw HTML such as <c>&lt;img</c>, nor open a code span), <c>](</c> cannot start
/// a link, and control characters, line breaks included, are visible escapes (<see cref="InertText"/>), so a value
/// never ends a heading or a table row. Code spans and code-block lines have their own forms, since Markdown reads
/// no backslash escape inside them.
/// </summary>
public static class MarkdownText
{
    /// <summary>A value in running text, a heading or a table cell.</summary>
    public static string Inline(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool punctuation = c is '\\' or '|' or '<' or '>' or '`' || c == '(' && i > 0 && text[i - 1] == ']';
            if (!punctuation && !InertText.IsEscaped(c))
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            if (punctuation)
                sb.Append('\\').Append(c);
            else
                InertText.AppendEscape(sb, c);
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>
    /// A code span around the value: control characters escaped visibly; fenced by one backtick more than the longest
    /// run inside, padded when it starts or ends with one; in a table cell, '|' escaped (GFM reads that escape even
    /// inside a code span).
    /// </summary>
    public static string CodeSpan(string text, bool inTable)
    {
        if (text.Length == 0)
            return "";
        var content = InertText.Escape(text);
        if (inTable)
            content = content.Replace("|", "\\|");
        int longest = 0, run = 0;
        foreach (char c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = content.StartsWith('`') || content.EndsWith('`') ? " " : "";
        return fence + pad + content + pad + fence;
    }

    /// <summary>A line inside a fenced code block: only control characters (line breaks included) are escaped.</summary>
    public static string CodeLine(string text) => InertText.Escape(text);
}
