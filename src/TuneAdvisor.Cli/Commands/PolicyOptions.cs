using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Policy;

namespace TuneAdvisor.Cli.Commands;

/// <summary>Folds --disable and --severity into an <see cref="AuditPolicy"/>.</summary>
internal static class PolicyOptions
{
    public static AuditPolicy Build(string[] disable, string[] severity)
    {
        var overrides = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
        foreach (var entry in severity)
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0 || !SeverityNames.TryParse(entry[(eq + 1)..], out var level))
                throw new UsageException($"--severity '{entry}' must look like TA1001=error, listen=info or all=warning");
            overrides[entry[..eq].Trim()] = level;
        }
        return AuditPolicy.Default with
        {
            Disabled = disable.Select(d => d.Trim()).ToImmutableHashSet(StringComparer.Ordinal),
            SeverityOverrides = overrides.ToImmutable(),
        };
    }
}
