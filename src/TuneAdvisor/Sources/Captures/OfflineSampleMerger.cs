using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Captures;

/// <summary>
/// Merges the parts of an offline capture into one sample. Sockets: ss knows listener backlogs, so when ss and
/// netstat both list sockets, ss's rows are kept and a netstat row that ss also lists (same inode, or same
/// protocol, state and addresses with "*" = "::" and v4-mapped = IPv4) is dropped; netstat rows ss does not list are
/// kept. Counters: copies of /proc/net/netstat|snmp|snmp6 win over `netstat -s` and `nstat` (exact names, nothing
/// omitted). Everything else is merged in part order; for host facts the first value found wins, and kernel.osrelease /
/// kernel.hostname fill the kernel and host name when nothing else gave them.
/// </summary>
public static class OfflineSampleMerger
{
    public static SampleBuilder Merge(DateTimeOffset takenAt, IReadOnlyList<OfflinePart> parts)
    {
        var target = new SampleBuilder(takenAt);
        bool IsProcCounters(OfflinePart p) => p.Kind == new CounterTableParser().Kind;
        foreach (var part in parts.Where(p => !IsProcCounters(p)).Concat(parts.Where(IsProcCounters)))
            MergeValues(target, part.Sample);
        MergeSockets(target, parts);
        HostFromSysctls(target);
        return target;
    }

    /// <summary>
    /// `sysctl -a` and a copied /proc/sys also print kernel.osrelease and kernel.hostname: when no `uname` or
    /// hostname file was given, they name the kernel (so kernel-version rules apply) and the host.
    /// </summary>
    private static void HostFromSysctls(SampleBuilder target)
    {
        if (target.Host.Kernel is null && target.Sysctls.TryGetValue("kernel.osrelease", out var release) && release.Value.Length > 0)
            target.Host = target.Host with { Kernel = release.Value, KernelSource = release.Source };
        if (target.Host.Hostname is null && target.Sysctls.TryGetValue("kernel.hostname", out var name) && name.Value.Length > 0)
            target.Host = target.Host with { Hostname = name.Value };
    }

    private static void MergeValues(SampleBuilder target, SampleBuilder part)
    {
        foreach (var (k, v) in part.Sysctls) target.Sysctls[k] = v;
        foreach (var (k, v) in part.Counters) target.Counters[k] = v;
        foreach (var (k, v) in part.CounterDeltas) target.CounterDeltas[k] = v;
        foreach (var (k, v) in part.CounterSources) target.CounterSources[k] = v;
        foreach (var (k, v) in part.Gauges) target.Gauges[k] = v;
        foreach (var (k, v) in part.Processes) target.Processes.TryAdd(k, v);
        target.DeltaIntervalSeconds ??= part.DeltaIntervalSeconds;
        target.Interfaces.AddRange(part.Interfaces.Where(i => !target.Interfaces.Exists(t => t.Name == i.Name)));
        if (target.Softnet.Count == 0)
            target.Softnet.AddRange(part.Softnet);
        if (target.Softirqs.Count == 0)
            target.Softirqs.AddRange(part.Softirqs);
        target.AppConfigs.AddRange(part.AppConfigs);
        target.Limits.AddRange(part.Limits);
        target.Capabilities.UnionWith(part.Capabilities);
        target.Inputs.UnionWith(part.Inputs);
        target.Notes.AddRange(part.Notes);
        target.Host = MergeHost(target.Host, part.Host);
    }

    private static HostInfo MergeHost(HostInfo a, HostInfo b) => a with
    {
        Hostname = a.Hostname ?? b.Hostname,
        Kernel = a.Kernel ?? b.Kernel,
        KernelSource = a.Kernel is null ? b.KernelSource : a.KernelSource,
        OsRelease = a.OsRelease ?? b.OsRelease,
        BootId = a.BootId ?? b.BootId,
        UptimeSeconds = a.UptimeSeconds ?? b.UptimeSeconds,
        NetworkNamespace = a.NetworkNamespace ?? b.NetworkNamespace,
        IsInitialNetworkNamespace = a.IsInitialNetworkNamespace ?? b.IsInitialNetworkNamespace,
        IsRoot = a.IsRoot ?? b.IsRoot,
        CpuCount = a.CpuCount ?? b.CpuCount,
    };

    private static void MergeSockets(SampleBuilder target, IReadOnlyList<OfflinePart> parts)
    {
        var preferred = parts.Where(p => p.Kind == new SsSocketParser().Kind).ToList();
        var others = parts.Where(p => p.Kind != new SsSocketParser().Kind).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in preferred)
        {
            foreach (var l in part.Sample.Listeners)
            {
                target.Listeners.Add(l);
                keys.UnionWith(Keys(l));
            }
            foreach (var c in part.Sample.Connections)
            {
                target.Connections.Add(c);
                keys.UnionWith(Keys(c));
            }
        }
        foreach (var part in others)
        {
            int dropped = 0, kept = 0;
            foreach (var l in part.Sample.Listeners)
            {
                if (preferred.Count > 0 && Keys(l).Any(keys.Contains)) { dropped++; continue; }
                target.Listeners.Add(l);
                kept++;
            }
            foreach (var c in part.Sample.Connections)
            {
                if (preferred.Count > 0 && Keys(c).Any(keys.Contains)) { dropped++; continue; }
                target.Connections.Add(c);
                kept++;
            }
            if (dropped > 0)
                InputNotes.Info(target, part.Path, 0,
                    $"{dropped} sockets are also listed by ss and were taken from ss (it knows listener backlogs); {kept} sockets only {part.Path} lists were kept");
        }
    }

    private static IEnumerable<string> Keys(ListenerInfo l)
    {
        if (l.Inode is { } ino)
            yield return $"ino:{ino}";
        yield return l.Protocol == "unix" ? $"unix|L|{l.Local}" : $"{l.Protocol}|L|{Match(l.Local)}";
    }

    private static IEnumerable<string> Keys(ConnectionInfo c)
    {
        if (c.Inode is { } ino)
            yield return $"ino:{ino}";
        yield return $"{c.Protocol}|{c.State}|{Match(c.Local)}|{Match(c.Remote)}";
    }

    private static string Match(string printed) =>
        SocketEndpoint.TryParse(printed, out var e) ? e.MatchKey : printed;
}
