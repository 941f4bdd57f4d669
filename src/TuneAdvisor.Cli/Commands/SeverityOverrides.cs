using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Cli.Commands;

/// <summary>Parses --severity entries ("TA1001=error", "listen=info", "all=warning") into the request's overrides.</summary>
internal static class SeverityOverrides
{
    public static ImmutableDictionary<string, Severity> Parse(IEnumerable<string> entries)
    {
        var overrides = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0 || !SeverityNames.TryParse(entry[(eq + 1)..], out var level))
                throw new UsageException($"--severity '{entry}' must look like TA1001=error, listen=info or all=warning");
            overrides[entry[..eq].Trim()] = level;
        }
        return overrides.ToImmutable();
    }
}
