using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Rules;

/// <summary>The category → id range table of rules/ID-RANGES.txt.</summary>
public sealed record IdRanges(ImmutableSortedDictionary<string, (int First, int Last, string Description)> Categories)
{
    public static IdRanges Parse(string text, string path, DiagnosticBag diagnostics)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, (int, int, string)>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || !TryNumber(parts[1], out var first) || !TryNumber(parts[2], out var last))
            {
                diagnostics.Add(KnownDiagnostics.InvalidFieldValue, SourceSpan.At(path, i + 1), "ID-RANGES", "expected 'category TA1000 TA1199 description'");
                continue;
            }
            b[parts[0]] = (first, last, parts.Length > 3 ? parts[3] : "");
        }
        return new IdRanges(b.ToImmutable());
    }

    public static bool TryNumber(string id, out int number)
    {
        number = 0;
        return id.Length == 6 && id.StartsWith("TA", StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    public static string Format(int number) => "TA" + number.ToString("D4", CultureInfo.InvariantCulture);
}
