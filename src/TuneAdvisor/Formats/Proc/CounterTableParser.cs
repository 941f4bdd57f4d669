using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Parses /proc/net/netstat and /proc/net/snmp: pairs of lines with the same prefix, a header of names and a line
/// of values, paired by position (never by a fixed kernel layout: columns differ across kernels and fixtures).
/// Also parses /proc/net/snmp6 ("Ip6InReceives 123" lines) into "Ip6.InReceives".
/// The live NetSnmpCollector reads the host's files with <see cref="Parse(string, string)"/>; as an offline input
/// (<see cref="IInputParser"/>) a copy is told by its line pairs or its snmp6 lines, and read into cumulative counters.
/// </summary>
public sealed class CounterTableParser : IInputParser
{
    public static ParsedCounters Parse(string text, string path)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var counts = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string[]? header = null;
        string? headerSection = null;
        int headerLine = 0;

        foreach (var line in ProcTableLine.Read(text, path))
        {
            int colon = line.Text.IndexOf(':');
            if (colon <= 0)
            {
                if (TryParseSnmp6(line.Words(), values))
                    continue;
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, "not a 'Section: …' line"));
                continue;
            }
            var section = line.Text[..colon];
            var fields = line.Words(colon + 1);
            bool isHeader = fields.Length > 0 && !IsNumber(fields[0]);
            if (isHeader)
            {
                header = fields;
                headerSection = section;
                headerLine = line.Span.Line;
                counts[section] = fields.Length;
                continue;
            }
            if (header is null || headerSection != section)
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"values for '{section}' without a header line"));
                continue;
            }
            bool lastLine = line.IsLastContent;
            if (fields.Length != header.Length)
            {
                var why = $"'{section}' has {header.Length} names (line {headerLine}) but {fields.Length} values";
                diagnostics.Add(Diagnostic.Create(lastLine && fields.Length < header.Length ? KnownDiagnostics.TruncatedInput : KnownDiagnostics.InputLineSkipped,
                    line.Span, why + (fields.Length < header.Length ? "; the missing ones are unknown" : "")));
            }
            int n = Math.Min(header.Length, fields.Length);
            // A capture cut inside its last value ("… 12" of "… 1234"): that value is a prefix, not a number to keep.
            bool cutMidValue = lastLine && fields.Length < header.Length && line.EndsMidWord;
            if (cutMidValue)
                n--;
            for (int k = 0; k < n; k++)
            {
                if (long.TryParse(fields[k], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                    values[$"{section}.{header[k]}"] = v;
                else
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"'{section}.{header[k]}' has a value that is not a 64-bit integer: '{fields[k]}'"));
            }
            header = null;
        }
        return new ParsedCounters(values.ToImmutable(), counts.ToImmutable(), diagnostics.ToImmutable());
    }

    private static bool IsNumber(string s) =>
        s.Length > 0 && (char.IsAsciiDigit(s[0]) || (s[0] == '-' && s.Length > 1 && char.IsAsciiDigit(s[1])));

    /// <summary>The sections snmp6's names start with (K:net/ipv6/proc.c snmp6_seq_show()); none starts another, so
    /// their order does not matter, and <see cref="Confidence"/> and <see cref="Parse(string, string)"/> share them.</summary>
    private static readonly string[] Snmp6Prefixes = ["UdpLite6", "Icmp6", "Udp6", "Ip6"];

    private static bool TryParseSnmp6(string[] parts, ImmutableSortedDictionary<string, long>.Builder values)
    {
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            return false;
        foreach (var prefix in Snmp6Prefixes)
        {
            if (parts[0].StartsWith(prefix, StringComparison.Ordinal) && parts[0].Length > prefix.Length)
            {
                values[$"{prefix}.{parts[0][prefix.Length..]}"] = v;
                return true;
            }
        }
        return false;
    }

    public string Kind => "/proc/net/netstat, snmp, snmp6";

    public int Confidence(string text)
    {
        var lines = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0).Take(60).ToList();
        if (lines.Count == 0)
            return 0;
        int pairs = 0, snmp6 = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            int colon = t.IndexOf(':');
            if (colon > 0 && i + 1 < lines.Count && lines[i + 1].Text.StartsWith(t[..(colon + 1)], StringComparison.Ordinal)
                && t.Length > colon + 1 && t[colon + 1] == ' ' && !t.TrimEnd().EndsWith(':') && IsValueLine(lines[i + 1].Text[(colon + 1)..]))
            {
                pairs++;
                i++;
                continue;
            }
            var parts = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && long.TryParse(parts[1], out _) && Snmp6Prefixes.Any(p => parts[0].StartsWith(p, StringComparison.Ordinal)))
                snmp6++;
        }
        if (pairs > 0 && pairs * 2 >= lines.Count - 1)
            return 95;
        return snmp6 > 0 && snmp6 * 10 >= lines.Count * 9 ? 90 : 0;
    }

    /// <summary>The second line of a pair holds integers only (-1 is Tcp MaxConn's "no limit"); a cut last number still counts.</summary>
    private static bool IsValueLine(string values)
    {
        var words = values.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(w => long.TryParse(w, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = Parse(text, path);
        foreach (var (key, value) in parsed.Values)
            sample.SetCounter(key, value, path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        if (parsed.Values.Count > 0)
            sample.Capabilities.Add(SnapshotCapability.Counters);
    }
}
