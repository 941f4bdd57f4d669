using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>
/// Joins one sample's /proc/softirqs counts onto its /proc/net/softnet_stat lines by CPU id, so a rule sees one record
/// per CPU. softnet_stat prints online CPUs only (K:net/core/net-procfs.c softnet_get_online()); /proc/softirqs
/// prints every possible CPU (K:fs/proc/softirqs.c show_softirqs(), for_each_possible_cpu), so a VM sized for CPU
/// hot-add shows columns of CPUs that are not there. When both files were read, the CPUs softnet_stat lists are the
/// host's CPUs: a softirqs column of a CPU it does not list (offline, or possible but absent) is left out, as that CPU
/// handles no softirqs; a listed CPU without a softirqs column keeps unknown NET_RX/NET_TX. With softirqs alone, every
/// CPU it prints is kept. (A softnet_stat of a kernel before 5.10 has no CPU id column: its line index is taken as the
/// id, which is wrong when CPUs below the last are offline.)
/// </summary>
public static class SoftirqJoin
{
    public static List<SoftnetCpu> Join(List<SoftnetCpu> softnet, List<SoftirqCounts> softirqs)
    {
        if (softirqs.Count == 0)
            return softnet;
        var byCpu = new Dictionary<int, SoftirqCounts>();
        foreach (var s in softirqs)
            byCpu.TryAdd(s.Cpu, s);
        if (softnet.Count == 0)
            return [.. byCpu.Values.Select(s => new SoftnetCpu { Cpu = s.Cpu, NetRx = s.NetRx, NetTx = s.NetTx })];
        return [.. softnet.Select(c => byCpu.TryGetValue(c.Cpu, out var s) ? c with { NetRx = s.NetRx, NetTx = s.NetTx } : c)];
    }
}
