
namespace TuneAdvisor.Remediation;

/// <summary>Quoting and cleaning of text that goes into generated shell scripts and configuration comments.</summary>
public static class ShellText
{
    /// <summary>
    /// POSIX sh quoting: plain words stay as they are, anything else is single-quoted with embedded quotes
    /// written as <c>'\''</c>. The result is always exactly one shell word.
    /// </summary>
    public static string Quote(string text)
    {
        if (text.Length > 0 && text.All(IsPlain))
            return text;
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>One line of comment text: control characters (newlines included) become spaces.</summary>
    public static string OneLine(string text) =>
        string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < t.Length; i++)
                span[i] = char.IsControl(t[i]) ? ' ' : t[i];
        });

    /// <summary>A sysctl key as sysctl.d and <c>sysctl -w</c> accept it: dotted or slashed words, nothing else.</summary>
    public static bool IsSafeKey(string key) =>
        key.Length > 0 && key[0] is not ('.' or '/' or '-') && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-');

    /// <summary>A value that fits on one sysctl.d line and cannot start a second one.</summary>
    public static bool IsSafeValue(string value) =>
        value.Length > 0 && value.Trim().Length == value.Length && !value.Any(char.IsControl);

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ',' or ':' or '/' or '=' or '+' or '@' or '%' or '-';
}
