
namespace TuneAdvisor.Configuration;

/// <summary>
/// Shell wildcard matching as fnmatch(3) does it: <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, <c>[!x]</c> /
/// <c>[^x]</c> and backslash escapes. With a separator, wildcards never match it (FNM_PATHNAME), which is how
/// glob(3) treats "/" in a sysctl glob such as net/ipv4/conf/*/rp_filter.
/// </summary>
public static class ShellPattern
{
    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    public static bool IsMatch(string pattern, string text, char? separator = null) => Match(pattern, 0, text, 0, separator);

    private static bool Match(string p, int pi, string t, int ti, char? sep)
    {
        while (pi < p.Length)
        {
            char c = p[pi];
            switch (c)
            {
                case '*':
                    while (pi < p.Length && p[pi] == '*')
                        pi++;
                    if (pi == p.Length)
                        return sep is null || t.IndexOf(sep.Value, ti) < 0;
                    for (int k = ti; k <= t.Length; k++)
                    {
                        if (Match(p, pi, t, k, sep))
                            return true;
                        if (k < t.Length && sep is { } s && t[k] == s)
                            return false;
                    }
                    return false;
                case '?':
                    if (ti >= t.Length || (sep is { } s2 && t[ti] == s2))
                        return false;
                    pi++;
                    ti++;
                    break;
                case '[':
                    if (ti >= t.Length || (sep is { } s3 && t[ti] == s3))
                        return false;
                    if (!MatchClass(p, ref pi, t[ti], out var literal))
                        return false;
                    if (literal)
                    {
                        // An unterminated '[' is an ordinary character.
                        if (t[ti] != '[')
                            return false;
                        pi++;
                    }
                    ti++;
                    break;
                case '\\' when pi + 1 < p.Length:
                    if (ti >= t.Length || t[ti] != p[pi + 1])
                        return false;
                    pi += 2;
                    ti++;
                    break;
                default:
                    if (ti >= t.Length || t[ti] != c)
                        return false;
                    pi++;
                    ti++;
                    break;
            }
        }
        return ti == t.Length;
    }

    /// <summary>Matches one bracket expression at p[pi]; advances pi past it. literal=true when '[' is unterminated.</summary>
    private static bool MatchClass(string p, ref int pi, char ch, out bool literal)
    {
        int i = pi + 1;
        bool negate = i < p.Length && (p[i] == '!' || p[i] == '^');
        if (negate)
            i++;
        int start = i;
        bool matched = false;
        while (i < p.Length && (p[i] != ']' || i == start))
        {
            char lo = p[i];
            if (i + 2 < p.Length && p[i + 1] == '-' && p[i + 2] != ']')
            {
                if (ch >= lo && ch <= p[i + 2])
                    matched = true;
                i += 3;
            }
            else
            {
                if (ch == lo)
                    matched = true;
                i++;
            }
        }
        if (i >= p.Length)
        {
            literal = true;
            return true;
        }
        literal = false;
        pi = i + 1;
        return matched != negate;
    }
}
