using System.Globalization;

namespace TuneAdvisor.Formats.Commands;

/// <summary>The shapes of single `netstat -s` lines: section headers, "%llu" wordings, "Name: value" lines and label lines.</summary>
internal static class NetstatStatisticsLine
{
    /// <summary>Sections the kernel's /proc/net/snmp, netstat, snmp6 and sctp/snmp give net-tools, whose header a label must not be taken for.</summary>
    private static readonly HashSet<string> KnownSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite", "TcpExt", "IpExt", "MPTcpExt", "Sctp", "Ip6", "Icmp6", "Udp6", "UdpLite6", "Tcp6",
    };

    /// <summary>"Tcp:" at the start of a line (not indented) names a section.</summary>
    public static string? SectionName(string line)
    {
        if (line.Length < 2 || char.IsWhiteSpace(line[0]) || !line.TrimEnd().EndsWith(':'))
            return null;
        var name = line.TrimEnd()[..^1];
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c))
                return null;
        return char.IsAsciiLetterUpper(name[0]) ? name : null;
    }

    /// <summary>
    /// A label a user put above a block ("server1", "== web-3 ==", "[10.0.0.7]", "db1:"): one word of letters, digits and
    /// . _ - @ with at least one letter, in optional decoration; not a section name, not a number, not a counter line.
    /// </summary>
    public static string? Label(string trimmed)
    {
        if (trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.Contains('\t', StringComparison.Ordinal))
        {
            var inner = trimmed.Trim('=', '#', '-', '*', '[', ']', '<', '>', ' ', '\t');
            if (inner.Contains(' ', StringComparison.Ordinal) || inner.Length == trimmed.Length)
                return null;
            trimmed = inner;
        }
        var word = trimmed.Trim('=', '#', '-', '*', '[', ']', '<', '>', ':');
        if (word.Length == 0 || word.Length > 64 || !word.Any(char.IsAsciiLetter) || KnownSections.Contains(word))
            return null;
        foreach (var c in word)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '@'))
                return null;
        return word;
    }

    /// <summary>The line with its first number replaced by "%llu" and single-spaced, and that number.</summary>
    public static string? Wording(string line, out long? value)
    {
        value = null;
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            if (long.TryParse(words[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                value = n;
                words[i] = "%llu";
                return string.Join(' ', words);
            }
        }
        return null;
    }

    /// <summary>"TCPTimeouts: 668" → TcpExt.TCPTimeouts; in Ip6/Icmp6/Udp6 sections the prefix is dropped ("Ip6InReceives" → Ip6.InReceives).</summary>
    public static bool TryNamed(string line, string section, out string key, out long value)
    {
        key = "";
        value = 0;
        int colon = line.IndexOf(':');
        if (colon <= 0)
            return false;
        var name = line[..colon];
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                return false;
        if (!long.TryParse(line[(colon + 1)..].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            return false;
        if (section.EndsWith('6') && name.StartsWith(section, StringComparison.Ordinal) && name.Length > section.Length)
            name = name[section.Length..];
        key = $"{section}.{name}";
        return true;
    }
}
