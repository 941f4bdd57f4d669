using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Proc;

namespace TuneAdvisor.Formats.Commands;

/// <summary>One row of `netstat -i` (or `ifconfig -s`), with the columns as net-tools prints them; null where the row has none.</summary>
public sealed record NetstatInterfaceRow(
    string Name, int? Mtu, int? Metric,
    long? RxOk, long? RxErr, long? RxDrp, long? RxOvr,
    long? TxOk, long? TxErr, long? TxDrp, long? TxOvr,
    string? Flags, int Line);

/// <summary>
/// Parses `netstat -i` / `ifconfig -s` (net-tools lib/interface.c ife_print_short): an optional title ("Kernel Interface
/// table", translated), a header (translated too: "SStelle MTU … RX-Feh …") and one row per interface: name, MTU,
/// before net-tools 2.0 (2012) a metric column "Met", then RX-OK RX-ERR RX-DRP RX-OVR TX-OK TX-ERR TX-DRP TX-OVR and the
/// flag letters (or "[NO FLAGS]"). The columns are "%8llu %6lu …" wide but a wider number just pushes the rest of the row
/// right, so values are read by their position among the row's words, never by character offset. Which layout a row
/// has is told by its count of numbers (10 with Met, 9 without), so translated headers do not matter. A row saying
/// "- no statistics available -" keeps its MTU and unknown counters. RX-ERR is rx_errors, plus CRC and frame errors
/// since net-tools 2.10 (2021); RX-OVR and TX-OVR are the FIFO errors.
/// </summary>
public static class NetstatInterfaceTable
{
    /// <summary>The header words of the two English layouts, which the corpus selectors use as column names.</summary>
    public static readonly ImmutableArray<string> Columns = ["MTU", "Met", "RX-OK", "RX-ERR", "RX-DRP", "RX-OVR", "TX-OK", "TX-ERR", "TX-DRP", "TX-OVR", "Flg"];

    /// <summary>True for a header line: 11 or 12 words, one of them "MTU", none a number.</summary>
    public static bool IsHeader(string line)
    {
        var words = Words(line);
        return words.Length is 11 or 12 && words.Contains("MTU") && !words.Any(w => w.All(char.IsAsciiDigit));
    }

    /// <summary>Reads one row; false when the line is not a row of this table.</summary>
    public static bool TryRow(string line, int number, out NetstatInterfaceRow row, out bool noStatistics)
    {
        row = null!;
        noStatistics = false;
        var words = Words(line);
        if (words.Length < 3 || words[0].Any(char.IsWhiteSpace))
            return false;
        int numbers = 0;
        while (1 + numbers < words.Length && IsNumber(words[1 + numbers]))
            numbers++;
        var flags = words.Length > 1 + numbers ? string.Join(' ', words[(1 + numbers)..]) : null;
        if (numbers is 9 or 10)
        {
            if (flags is not null && !IsFlags(flags))
                return false;
            var v = words[1..(1 + numbers)].Select(Number).ToArray();
            int o = numbers - 8;   // 1 (MTU) or 2 (MTU, Met)
            row = new NetstatInterfaceRow(words[0], Int(v[0]), o == 2 ? Int(v[1]) : null,
                v[o], v[o + 1], v[o + 2], v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7], flags, number);
            return true;
        }
        // "lo 65536 0      - no statistics available -LRU": MTU (and Met), then the dash-framed message.
        if (numbers is 1 or 2 && 1 + numbers < words.Length && words[1 + numbers] == "-")
        {
            int close = Array.LastIndexOf(words, "-");
            var rest = close > 1 + numbers ? string.Join(' ', words[(close + 1)..]) : "";
            noStatistics = true;
            row = new NetstatInterfaceRow(words[0], Int(Number(words[1])), numbers == 2 ? Int(Number(words[2])) : null,
                null, null, null, null, null, null, null, null, rest.Length > 0 ? rest : null, number);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Every row of the text in order; a second row for the same name is skipped with a note. The last line of a cut
    /// paste (no line break after it) may stop inside its row: it is read by the table's layout (the header's word
    /// count, else the complete rows' count of numbers), never by its own count of numbers, which the cut changed; a
    /// number that ends at the cut may miss digits and stays unknown, as do the columns the cut left out.
    /// </summary>
    public static ParsedList<NetstatInterfaceRow> Parse(IReadOnlyList<InputLine> lines, string path)
    {
        var rows = ImmutableArray.CreateBuilder<NetstatInterfaceRow>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int? layout = Layout(lines);
        foreach (var line in lines)
        {
            var span = SourceSpan.At(path, line.Number);
            NetstatInterfaceRow? row;
            bool noStatistics = false;
            if (line.IsUnterminatedLast && layout is { } numbers && TryCutRow(line.Text, line.Number, numbers, out var cut, out var missing))
            {
                row = cut;
                if (missing.Count > 0)
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, span,
                        $"the last line has no line break and is incomplete (the row of '{cut.Name}' stops at the cut); {string.Join(", ", missing)} unknown"));
            }
            else if (!TryRow(line.Text, line.Number, out row, out noStatistics))
                continue;
            if (!seen.Add(row.Name))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, span, $"'{row.Name}' appears a second time; the first row is kept"));
                continue;
            }
            if (!line.IsUnterminatedLast && !noStatistics && new[] { row.RxOk, row.RxErr, row.RxDrp, row.RxOvr, row.TxOk, row.TxErr, row.TxDrp, row.TxOvr }.Any(v => v is null))
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputNote, span, $"a counter of '{row.Name}' exceeds 2^63-1; recorded as unknown"));
            if (noStatistics)
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputNote, span, $"netstat has no statistics for '{row.Name}'; its counters are unknown"));
            rows.Add(row);
        }
        return new ParsedList<NetstatInterfaceRow>(rows.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>
    /// How many numbers a complete row has: 10 with the metric column, 9 without. The header says it by its word count
    /// (12 or 11, whatever the language); without a header, the complete rows say it; null when neither does.
    /// </summary>
    private static int? Layout(IReadOnlyList<InputLine> lines)
    {
        foreach (var line in lines)
            if (!line.IsUnterminatedLast && IsHeader(line.Text))
                return Words(line.Text).Length == 12 ? 10 : 9;
        foreach (var line in lines)
            if (!line.IsUnterminatedLast && TryRow(line.Text, line.Number, out var row, out var noStatistics) && !noStatistics)
                return row.Metric is null ? 9 : 10;
        return null;
    }

    private static readonly string[] ColumnsWithMetric = ["MTU", "Met", "RX-OK", "RX-ERR", "RX-DRP", "RX-OVR", "TX-OK", "TX-ERR", "TX-DRP", "TX-OVR"];

    /// <summary>A row cut short: the name, then as many numbers as the cut left, by the table's layout.</summary>
    private static bool TryCutRow(string line, int number, int numbers, out NetstatInterfaceRow row, out List<string> missing)
    {
        row = null!;
        missing = [];
        var words = Words(line);
        if (words.Length < 2 || !IsNumber(words[1]))
            return false;
        int present = 0;
        while (1 + present < words.Length && present < numbers && IsNumber(words[1 + present]))
            present++;
        if (1 + present < words.Length && present < numbers)
            return false;                                   // a word that is no number inside the counters: not this table
        // Digits at the very end of the line may be the start of a longer number.
        int usable = present == numbers || !char.IsAsciiDigit(line[^1]) ? present : present - 1;
        var columns = numbers == 10 ? ColumnsWithMetric : ColumnsWithMetric.Where(c => c != "Met").ToArray();
        var v = new long?[numbers];
        for (int k = 0; k < usable; k++)
            v[k] = Number(words[1 + k]);
        missing.AddRange(columns[usable..]);
        if (usable == 0)
            return false;
        int o = numbers - 8;
        row = new NetstatInterfaceRow(words[0], Int(v[0]), o == 2 ? Int(v[1]) : null,
            v[o], v[o + 1], v[o + 2], v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7], present == numbers && words.Length > 1 + numbers ? string.Join(' ', words[(1 + numbers)..]) : null, number);
        return true;
    }

    private static string[] Words(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsNumber(string word) => word.Length > 0 && word.All(char.IsAsciiDigit);

    /// <summary>Flag letters of ife_print_short (A B D L M d P N O p s m R U) or "[NO FLAGS]" (possibly translated, in brackets).</summary>
    private static bool IsFlags(string flags) =>
        (flags.StartsWith('[') && flags.EndsWith(']')) || flags.All(c => "ABDLMdPNOpsmRU".Contains(c));

    private static long? Number(string word) =>
        long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int? Int(long? value) => value is { } v && v <= int.MaxValue ? (int)v : null;
}
