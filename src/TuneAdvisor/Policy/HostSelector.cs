using System.Collections.Immutable;
using TuneAdvisor.Configuration;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Policy;

/// <summary>
/// Which hosts an `overrides:` entry applies to. Every criterion given must hold: the hostname matches one of the
/// globs (fnmatch, case-insensitive as DNS names are), the kernel release lies in the range, and every tag was given
/// with --tag. A criterion the snapshot cannot answer (no hostname, no kernel release) does not hold, and says so.
/// </summary>
public sealed record HostSelector(ImmutableArray<string> Hostnames, KernelRange? Kernel, ImmutableArray<string> Tags)
{
    /// <returns>null when the selector matches; otherwise why it does not.</returns>
    public string? Mismatch(HostFacts host)
    {
        if (!Hostnames.IsEmpty)
        {
            if (host.Hostname is not { Length: > 0 } name)
                return "the source does not say the hostname";
            var lower = name.ToLowerInvariant();
            if (!Hostnames.Any(glob => ShellPattern.IsMatch(glob.ToLowerInvariant(), lower)))
                return $"hostname {name} matches none of {string.Join(", ", Hostnames)}";
        }
        if (Kernel is { } range)
        {
            if (!KernelVersion.TryParse(host.Kernel, out var version))
                return "the source does not say the kernel release";
            if (!range.Contains(version))
                return $"kernel {host.Kernel} is outside {range.Text}";
        }
        var missing = Tags.Where(t => !host.Tags.Contains(t)).ToList();
        return missing.Count == 0 ? null : $"tag {string.Join(", ", missing)} not given with --tag";
    }

    public string Describe()
    {
        var parts = new List<string>();
        if (!Hostnames.IsEmpty)
            parts.Add($"hostname {string.Join(" or ", Hostnames)}");
        if (Kernel is { } k)
            parts.Add($"kernel {k.Text}");
        if (!Tags.IsEmpty)
            parts.Add($"tags {string.Join(", ", Tags)}");
        return string.Join("; ", parts);
    }
}
