using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Policy;

namespace TuneAdvisor.Cli.Commands;

/// <summary>Folds --disable and --severity into an <see cref="AuditPolicy"/>, on top of a policy file's when one was given.</summary>
internal static class PolicyOptions
{
    public static AuditPolicy Build(string[] disable, string[] severity) => Build(AuditPolicy.Default, disable, severity);

    public static AuditPolicy Build(AuditPolicy file, string[] disable, string[] severity)
    {
        var overrides = file.SeverityOverrides.ToBuilder();
        foreach (var entry in severity)
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0 || !SeverityNames.TryParse(entry[(eq + 1)..], out var level))
                throw new UsageException($"--severity '{entry}' must look like TA1001=error, listen=info or all=warning");
            overrides[entry[..eq].Trim()] = level;
        }
        return file with
        {
            Disabled = file.Disabled.Union(disable.Select(d => d.Trim())),
            SeverityOverrides = overrides.ToImmutable(),
        };
    }
}
