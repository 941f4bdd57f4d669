using System.Globalization;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Offline;

/// <summary>
/// `netstat -s` (net-tools, old and new wordings) into cumulative counters keyed by kernel MIB names
/// ("Tcp.RetransSegs", "TcpExt.ListenOverflows"), through <see cref="NetstatStatisticsTable"/>. Lines net-tools
/// has no wording for ("TCPTimeouts: 668", "InOctets: 282605781", IcmpMsg "InType3: 714") are taken by name.
/// net-tools omits most TcpExt counters when they are 0; when the TcpExt section is present and fully understood,
/// the counters in <see cref="NetstatStatisticsTable.TcpExtOmittedWhenZero"/> that it does not print are set to 0.
/// When a TcpExt line is not understood (another wording or a translation) nothing is zero-filled.
/// </summary>
public sealed class NetstatStatisticsParser : IInputParser
{
    public string Kind => "netstat -s";

    public int Confidence(string text)
    {
        int sections = 0, wordings = 0;
        string section = "";
        foreach (var line in InputLine.Split(text).Take(400))
        {
            if (SectionName(line.Text) is { } s)
            {
                section = s;
                sections++;
            }
            else if (Wording(line.Text, out _) is { } w && NetstatStatisticsTable.Wordings.ContainsKey((section, w)))
                wordings++;
        }
        return sections >= 1 && wordings >= 1 ? 90 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        string section = "";
        string histogram = "";
        bool tcpExtSeen = false, tcpExtUnmapped = false;
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        var unmapped = new List<int>();
        foreach (var line in InputLine.Split(text))
        {
            var t = line.Text.Trim();
            if (t.Length == 0)
                continue;
            if (SectionName(line.Text) is { } s)
            {
                section = s;
                histogram = "";
                tcpExtSeen |= s == "TcpExt";
                continue;
            }
            // "ICMP input histogram:" then "ICMP output histogram:", whatever the language: the first is input.
            if (line.Text.StartsWith(' ') && t.EndsWith(':') && section.StartsWith("Icmp", StringComparison.Ordinal) && Wording(t, out _) is null)
            {
                histogram = histogram.Length == 0 ? "<" : ">";
                continue;
            }
            if (section.Length == 0)
            {
                InputNotes.Skipped(sample, path, line, "not inside a 'Section:' of `netstat -s`");
                continue;
            }
            var wording = Wording(t, out var value);
            if (wording is not null && value is { } v
                && (NetstatStatisticsTable.Wordings.TryGetValue((section + histogram, wording), out var key)
                    || NetstatStatisticsTable.Wordings.TryGetValue((section, wording), out key)))
            {
                values[key] = v;
                continue;
            }
            if (TryNamed(t, section, out var named, out var namedValue))
            {
                values[named] = namedValue;
                continue;
            }
            if (t.StartsWith("Forwarding is ", StringComparison.Ordinal) || t.StartsWith("RTO algorithm is ", StringComparison.Ordinal))
                continue;
            if (value is null && !line.IsUnterminatedLast)
            {
                InputNotes.Skipped(sample, path, line, "no number on this line");
                continue;
            }
            if (line.IsUnterminatedLast)
            {
                InputNotes.Truncated(sample, path, line, "a cut statistics line");
                continue;
            }
            unmapped.Add(line.Number);
            tcpExtUnmapped |= section == "TcpExt";
        }
        foreach (var (key, value) in values)
            sample.SetCounter(key, value, path);
        if (unmapped.Count > 0)
            InputNotes.Info(sample, path, unmapped[0],
                $"{unmapped.Count} lines have a wording with no known MIB name (lines {string.Join(", ", unmapped.Take(5))}{(unmapped.Count > 5 ? ", …" : "")}); their counters are unknown");
        if (tcpExtSeen && !tcpExtUnmapped)
        {
            foreach (var name in NetstatStatisticsTable.TcpExtOmittedWhenZero)
                if (!values.ContainsKey($"TcpExt.{name}"))
                    sample.SetCounter($"TcpExt.{name}", 0, $"{path} (omitted by netstat when zero)");
        }
        else if (tcpExtSeen)
            InputNotes.Info(sample, path, 0, "the TcpExt section has lines with unknown wording, so counters net-tools omits when zero are left unknown");
        if (values.Count > 0)
            sample.Capabilities.Add(SnapshotCapability.Counters);
    }

    /// <summary>"Tcp:" at the start of a line (not indented) names a section.</summary>
    private static string? SectionName(string line)
    {
        if (line.Length < 2 || char.IsWhiteSpace(line[0]) || !line.TrimEnd().EndsWith(':'))
            return null;
        var name = line.TrimEnd()[..^1];
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c))
                return null;
        return char.IsAsciiLetterUpper(name[0]) ? name : null;
    }

    /// <summary>The line with its first number replaced by "%llu" and single-spaced, and that number.</summary>
    private static string? Wording(string line, out long? value)
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
    private static bool TryNamed(string line, string section, out string key, out long value)
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
