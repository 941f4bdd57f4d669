using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Parses /proc/net/stat/nf_conntrack (K:net/netfilter/nf_conntrack_standalone.c ct_cpu_seq_show()): a header of
/// column names, then one line of hex u32 values per possible CPU. Columns are paired by name (the set changed across
/// kernels: "searched"/"delete_list" became "clashres"/"chainlength"). Every column but "entries" (the netns-wide
/// table size, repeated on each line) is a per-CPU cumulative counter; they are summed over CPUs into counters
/// named "Conntrack.Drop", "Conntrack.EarlyDrop", "Conntrack.InsertFailed", ... (snake_case to PascalCase).
/// </summary>
public static class ConntrackStatParser
{
    public const string Section = "Conntrack";

    public static ParsedCounters Parse(string text, string path)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        string[]? header = null;
        foreach (var line in ProcTableLine.Read(text, path))
        {
            var fields = line.Words();
            if (header is null)
            {
                if (fields.Any(f => !IsHex(f)))
                {
                    header = fields;
                    continue;
                }
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, "values before the header line of column names"));
                continue;
            }
            int n = fields.Length;
            if (n != header.Length)
            {
                bool truncated = line.IsLastContent && n < header.Length;
                if (!truncated)
                {
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"{n} values for {header.Length} column names"));
                    continue;
                }
                // A CPU's line cut short would under-count every column after the cut: leave the whole line out.
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span, $"the last CPU's line has {n} of {header.Length} values and is left out of the sums"));
                continue;
            }
            if (fields.Any(f => !IsHex(f)))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, "a value is not hexadecimal"));
                continue;
            }
            for (int k = 0; k < n; k++)
            {
                if (header[k] == "entries")
                    continue;
                var key = $"{Section}.{Pascal(header[k])}";
                sums[key] = sums.GetValueOrDefault(key) + long.Parse(fields[k], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            }
        }
        if (header is null)
            diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(path), "no header line of column names"));
        var counts = ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal);
        if (header is not null)
            counts = counts.Add(Section, header.Length);
        return new ParsedCounters(sums.ToImmutableSortedDictionary(StringComparer.Ordinal), counts, diagnostics.ToImmutable());
    }

    /// <summary>"insert_failed" → "InsertFailed".</summary>
    public static string Pascal(string snake)
    {
        var sb = new StringBuilder(snake.Length);
        bool upper = true;
        foreach (var c in snake)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }

    private static bool IsHex(string s) =>
        s.Length is > 0 and <= 16 && s.All(char.IsAsciiHexDigit);
}
