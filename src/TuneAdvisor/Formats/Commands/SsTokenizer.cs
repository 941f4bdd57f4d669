
namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Splits the detail part of an ss row ("users:((\"a b\",pid=1,fd=3)) timer:(on,200ms,0) ino:5 …") into tokens
/// at whitespace, keeping parenthesised groups and quoted process names whole.
/// </summary>
public static class SsTokenizer
{
    /// <param name="balanced">False when a parenthesis or quote is still open at the end (a cut line).</param>
    public static List<string> Split(string text, out bool balanced)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        int depth = 0;
        bool quoted = false;
        foreach (var c in text)
        {
            if (quoted)
            {
                current.Append(c);
                if (c == '"')
                    quoted = false;
                continue;
            }
            if (c == '"')
                quoted = true;
            else if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            if (char.IsWhiteSpace(c) && depth == 0)
            {
                if (current.Length > 0)
                    tokens.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
            tokens.Add(current.ToString());
        balanced = depth == 0 && !quoted;
        return tokens;
    }
}
