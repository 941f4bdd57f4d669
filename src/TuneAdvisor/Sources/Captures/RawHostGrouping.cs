
namespace TuneAdvisor.Sources.Captures;

/// <summary>
/// Splits the parts of a raw capture into hosts. Parts read from a labelled block ("server3") belong to that label.
/// The other parts are one host unless they disagree on what identifies a host: the host name (uname -a,
/// kernel.hostname), the kernel release (uname, kernel.osrelease), the boot id, or a net.* sysctl printed with two
/// values. Then each input group (a file named on the command line, or a first-level folder of a folder named there)
/// is one host when the groups agree within themselves; when even a group disagrees within itself, the captures
/// cannot be told apart and the result says so.
/// </summary>
internal static class RawHostGrouping
{
    /// <summary>A host's parts; <see cref="Conflict"/> says why its parts cannot be one host's, when they cannot.</summary>
    public sealed record HostParts(string Label, List<OfflinePart> Parts, string? Conflict);

    /// <summary>Keys under net.* that change by themselves, so two readings of one host differ.</summary>
    private static readonly string[] Volatile = ["net.netfilter.nf_conntrack_count"];

    public static List<HostParts> Group(IReadOnlyList<OfflinePart> parts, string location)
    {
        var hosts = new List<HostParts>();
        foreach (var labelled in parts.Where(p => p.Label is not null).GroupBy(p => p.Label!, StringComparer.Ordinal))
            hosts.Add(new HostParts(labelled.Key, [.. labelled], Disagreement(labelled.ToList())));
        var rest = parts.Where(p => p.Label is null && p.HasData).ToList();
        if (rest.Count == 0)
            return hosts;
        if (Disagreement(rest) is null)
        {
            hosts.Add(new HostParts(Hostname(rest) ?? OneFile(rest) ?? location, rest, null));
            return hosts;
        }
        var groups = rest.GroupBy(p => p.Group, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        if (groups.Count > 1 && groups.All(g => Disagreement(g) is null))
        {
            foreach (var g in groups)
                hosts.Add(new HostParts(Hostname(g) ?? (g[0].Group.Length > 0 ? g[0].Group : location), g, null));
            return hosts;
        }
        hosts.Add(new HostParts(location, rest, Disagreement(rest)));
        return hosts;
    }

    /// <summary>The file every part came from, when there is one: it names a host the captures do not name.</summary>
    private static string? OneFile(List<OfflinePart> parts) => parts.Select(p => p.Path).Distinct().Count() == 1 ? parts[0].Path : null;

    public static string? Hostname(IEnumerable<OfflinePart> parts) => parts.Select(p => Identity(p).Hostname).FirstOrDefault(h => h is not null);

    /// <summary>The first thing two parts disagree on ("host name 'a' (x) and 'b' (y)"), or null.</summary>
    public static string? Disagreement(IReadOnlyList<OfflinePart> parts)
    {
        foreach (var (what, pick) in new (string, Func<OfflinePart, string?>)[]
                 { ("host name", p => Identity(p).Hostname), ("kernel", p => Identity(p).Kernel), ("boot id", p => Identity(p).BootId) })
        {
            var seen = parts.Select(p => (Part: p, Value: pick(p))).Where(x => x.Value is not null).ToList();
            if (seen.FirstOrDefault(x => x.Value != seen[0].Value) is { Part: not null } other)
                return $"{what} '{seen[0].Value}' ({seen[0].Part.Path}) and '{other.Value}' ({other.Part.Path})";
        }
        var values = new Dictionary<string, (string Value, string Path)>(StringComparer.Ordinal);
        foreach (var p in parts)
            foreach (var (key, entry) in p.Sample.Sysctls)
            {
                if (!key.StartsWith("net.", StringComparison.Ordinal) || Volatile.Contains(key))
                    continue;
                if (values.TryGetValue(key, out var before) && Normal(before.Value) != Normal(entry.Value))
                    return $"{key} = '{before.Value}' ({before.Path}) and '{entry.Value}' ({p.Path})";
                values.TryAdd(key, (entry.Value, p.Path));
            }
        return null;
    }

    private static string Normal(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static (string? Hostname, string? Kernel, string? BootId) Identity(OfflinePart p)
    {
        var s = p.Sample;
        string? Sysctl(string key) => s.Sysctls.TryGetValue(key, out var e) && e.Value.Trim().Length > 0 ? e.Value.Trim() : null;
        return (s.Host.Hostname ?? Sysctl("kernel.hostname"), s.Host.Kernel ?? Sysctl("kernel.osrelease"), s.Host.BootId ?? Sysctl("kernel.random.boot_id"));
    }
}
