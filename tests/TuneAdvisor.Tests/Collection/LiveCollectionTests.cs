using System.Text.Json;
using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection;

/// <summary>
/// Differential tests in a namespace of our own: the collectors against `sysctl -a`, `nstat -azs`, `ip -s -s -j link`
/// and `ss`, run inside the same namespace. Counters move on their own (IPv6 neighbour discovery on the veth),
/// so a collected counter must lie between the tool's reading before and after it.
/// </summary>
public sealed class LiveCollectionTests : IDisposable
{
    /// <summary>Columns of /proc/net/snmp that nstat leaves out as "not counters" (iproute2 nstat useless_number()).</summary>
    private static readonly string[] NstatSkips = ["Ip.DefaultTTL", "Ip.Forwarding", "Tcp.CurrEstab", "Tcp.MaxConn", "Tcp.RtoAlgorithm", "Tcp.RtoMax", "Tcp.RtoMin"];

    private readonly Lazy<LiveNamespace> _live = new(() => new LiveNamespace());

    private LiveNamespace Live => _live.Value;

    public void Dispose()
    {
        if (_live.IsValueCreated)
            _live.Value.Dispose();
    }

    private SampleBuilder CollectInside(ICollector collector, CollectionContext context) =>
        NetnsThread.Run(Live.Ns.Name, () =>
        {
            var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
            collector.Collect(context, sample);
            return sample;
        });

    [LiveFact]
    public void Every_net_sysctl_matches_sysctl_a_in_the_namespace()
    {
        var expected = Live.SysctlA();
        var sample = CollectInside(new SysctlCollector(), Live.Context with { ProcRoot = "/proc", PerInterfaceSysctls = PerInterfaceSysctls.All });
        var actual = sample.Sysctls.Where(p => p.Key.StartsWith("net.", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value.Value);

        Assert.True(expected.Count > 500, $"sysctl -a printed only {expected.Count} net.* keys");
        Assert.Empty(expected.Keys.Except(actual.Keys));
        Assert.Empty(actual.Keys.Except(expected.Keys));
        Assert.Empty(expected.Where(p => actual[p.Key] != p.Value).Select(p => $"{p.Key}: sysctl '{p.Value}', collected '{actual[p.Key]}'"));

        Assert.Equal("200000", actual["net.core.somaxconn"]);
        Assert.Equal("17", actual["net.ipv4.tcp_fin_timeout"]);
        Assert.Equal("20000 40000", actual["net.ipv4.ip_local_port_range"]);
        Assert.Equal("2", actual["net.ipv4.conf.ta-up0.rp_filter"]);
        Assert.Equal("/proc/sys/net/core/somaxconn", sample.Sysctls["net.core.somaxconn"].Source);
    }

    [LiveFact]
    public void The_init_netns_only_keys_are_absent_in_a_child_namespace()
    {
        var inside = Live.SysctlA();

        Assert.DoesNotContain(InitNetnsKeys.InitOnly, inside.ContainsKey);
        Assert.DoesNotContain("net.core.netdev_max_backlog", inside.Keys);
        Assert.Contains("net.core.somaxconn", inside.Keys);
        Assert.Contains(InitNetnsKeys.ReadOnlyInChildNetns, inside.ContainsKey);
    }

    [LiveFact]
    public void Selected_policy_reads_the_interfaces_that_are_up_and_matches_sysctl_a()
    {
        var expected = Live.SysctlA();
        var sample = CollectInside(new SysctlCollector(), Live.Context with { ProcRoot = "/proc" });
        var keys = sample.Sysctls.Keys.Where(k => k.StartsWith("net.", StringComparison.Ordinal)).ToList();

        foreach (var iface in (string[])["all", "default", "lo", "ta-up0", "ta-up1"])
            Assert.Contains($"net.ipv4.conf.{iface}.rp_filter", keys);
        Assert.DoesNotContain(keys, k => k.Contains(".ta-down", StringComparison.Ordinal));
        var notRead = expected.Keys.Except(keys).ToList();
        Assert.NotEmpty(notRead);
        Assert.All(notRead, k => Assert.Contains(".ta-down", k));
        Assert.All(keys, k => Assert.Equal(expected[k], sample.Sysctls[k].Value));
        Assert.Contains("2 interfaces that are down", Assert.Single(sample.Notes).Message);
    }

    [LiveFact]
    public void Counters_match_nstat_within_the_change_between_two_reads()
    {
        var before = Live.Nstat();
        var sample = CollectInside(new NetSnmpCollector(), Live.Context);
        var after = Live.Nstat();

        var ours = sample.Counters.ToDictionary(p => p.Key.Replace(".", ""), p => p.Value);
        Assert.True(before.Count > 300, $"nstat printed only {before.Count} counters");
        Assert.Empty(before.Keys.Except(ours.Keys));
        // A dynamic counter can first appear between the reads (IPv6 router solicitations create Icmp6.OutType133):
        // only counters nstat printed in neither read must be the known skips.
        Assert.Equal(NstatSkips, sample.Counters.Keys.Select(k => (Key: k, Name: k.Replace(".", "")))
            .Where(k => !before.ContainsKey(k.Name) && !after.ContainsKey(k.Name)).Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.Empty(before.Where(p => ours[p.Key] < p.Value || ours[p.Key] > after[p.Key])
            .Select(p => $"{p.Key}: nstat {p.Value}..{after[p.Key]}, collected {ours[p.Key]}"));
        Assert.True(sample.Counters["Udp.OutDatagrams"] >= 10);
        Assert.True(sample.Counters["Tcp.ActiveOpens"] >= 1);
        Assert.Contains(SnapshotCapability.Counters, sample.Capabilities);
    }

    [LiveFact]
    public void Interfaces_match_ip_link_within_the_change_between_two_reads()
    {
        var before = IpLink();
        var sample = CollectInside(new InterfaceCollector(), Live.Context);
        var after = IpLink();

        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), sample.Interfaces.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["lo", "ta-down0", "ta-down1", "ta-up0", "ta-up1"], before.Keys.Order(StringComparer.Ordinal));
        foreach (var i in sample.Interfaces)
        {
            var (b, a) = (before[i.Name], after[i.Name]);
            void Between(long? actual, Func<JsonElement, long> read, string what)
            {
                Assert.NotNull(actual);
                Assert.InRange(actual.Value, read(b), read(a));
            }
            Between(i.RxBytes, e => Stat(e, "rx", "bytes"), "rxBytes");
            Between(i.RxPackets, e => Stat(e, "rx", "packets"), "rxPackets");
            Between(i.RxErrors, e => Stat(e, "rx", "errors"), "rxErrors");
            Between(i.RxDropped, e => Stat(e, "rx", "dropped") + Stat(e, "rx", "missed_errors"), "rxDropped");
            Between(i.RxMulticast, e => Stat(e, "rx", "multicast"), "rxMulticast");
            Between(i.TxBytes, e => Stat(e, "tx", "bytes"), "txBytes");
            Between(i.TxPackets, e => Stat(e, "tx", "packets"), "txPackets");
            Between(i.TxErrors, e => Stat(e, "tx", "errors"), "txErrors");
            Between(i.TxDropped, e => Stat(e, "tx", "dropped"), "txDropped");
            Between(i.TxCollisions, e => Stat(e, "tx", "collisions"), "txCollisions");
            Between(i.Statistics["rx_bytes"], e => Stat(e, "rx", "bytes"), "statistics/rx_bytes");
            Between(i.Statistics["rx_missed_errors"], e => Stat(e, "rx", "missed_errors"), "statistics/rx_missed_errors");
            Assert.Equal(b.GetProperty("mtu").GetInt32(), i.Mtu);
            Assert.Equal(b.GetProperty("txqlen").GetInt64(), i.TxQueueLen);
            Assert.Equal(b.GetProperty("operstate").GetString(), i.OperState, ignoreCase: true);
            Assert.Contains("rx_nohandler", i.Statistics.Keys);
        }
        Assert.True(sample.Interfaces.Single(i => i.Name == "lo").RxPackets >= 10 + 3);   // the datagrams and a handshake at least
        Assert.Equal(10000L, sample.Interfaces.Single(i => i.Name == "ta-up0").SpeedMbps);   // veth reports 10G when up
        Assert.Null(sample.Interfaces.Single(i => i.Name == "ta-down0").SpeedMbps);        // EINVAL: link down
        Assert.Null(sample.Interfaces.Single(i => i.Name == "lo").SpeedMbps);
        Assert.Empty(sample.Notes);
    }

    [LiveFact]
    public void Sockstat_counts_the_time_wait_socket_that_ss_lists()
    {
        var sample = CollectInside(new SockstatCollector(), Live.Context);
        var ss = Live.Ns.Exec("ss", "-Htan", "state", "time-wait").EnsureSuccess("ss").Stdout;

        Assert.Equal(ss.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, sample.Gauges["sockstat.TCP.tw"]);
        Assert.Equal(1L, sample.Gauges["sockstat.TCP.tw"]);
        Assert.Equal(0L, sample.Gauges["sockstat.TCP.inuse"]);
        Assert.Contains("sockstat6.TCP6.inuse", sample.Gauges.Keys);
    }

    [LiveFact]
    public void Conntrack_matches_the_namespace_or_is_unknown_without_the_module()
    {
        var sample = CollectInside(new ConntrackCollector(), Live.Context);
        var count = Live.Ns.Exec("cat", "/proc/sys/net/netfilter/nf_conntrack_count");

        if (count.ExitCode != 0)
        {
            Assert.DoesNotContain(SnapshotCapability.Conntrack, sample.Capabilities);
            Assert.Empty(sample.Gauges);
            Assert.Contains("not loaded", Assert.Single(sample.Notes).Message);
            return;
        }
        Assert.Equal(long.Parse(count.Stdout.Trim()), sample.Gauges["conntrack.count"]);
        Assert.Equal(long.Parse(Live.Ns.Exec("cat", "/proc/sys/net/netfilter/nf_conntrack_max").Stdout.Trim()), sample.Gauges["conntrack.max"]);
        Assert.Contains("Conntrack.Drop", sample.Counters.Keys);
        Assert.Contains(SnapshotCapability.Conntrack, sample.Capabilities);
    }

    [LiveFact]
    public void Softnet_has_one_line_per_online_cpu()
    {
        var sample = CollectInside(new SoftnetCollector(), Live.Context);
        var online = Live.Ns.Exec("getconf", "_NPROCESSORS_ONLN").EnsureSuccess("getconf").Stdout.Trim();

        Assert.Equal(int.Parse(online), sample.Softnet.Count);
        Assert.Equal(sample.Softnet.Select(c => c.Cpu).Distinct().Count(), sample.Softnet.Count);
        Assert.All(sample.Softnet, c => Assert.NotNull(c.ReceivedRps));
    }

    [LiveFact]
    public void Softirqs_net_rx_per_cpu_lies_between_two_reads_of_the_file_in_the_namespace()
    {
        // /proc/softirqs is host-wide, so the namespace reads the host's counts; they only grow (short of a u32 wrap).
        var before = CatSoftirqs();
        var sample = CollectInside(new SoftirqsCollector(), Live.Context);
        var after = CatSoftirqs();

        Assert.Empty(sample.Notes);
        Assert.Contains(SnapshotCapability.Softirqs, sample.Capabilities);
        Assert.Equal(before.Keys.Order(), sample.Softirqs.Select(c => c.Cpu).Order());
        // The header names every possible CPU (show_softirqs() loops for_each_possible_cpu), offline ones included.
        Assert.Equal(CpuList("/sys/devices/system/cpu/possible"), sample.Softirqs.Select(c => c.Cpu));
        foreach (var cpu in sample.Softirqs)
        {
            Assert.InRange(cpu.NetRx!.Value, before[cpu.Cpu].Rx, after[cpu.Cpu].Rx);
            Assert.InRange(cpu.NetTx!.Value, before[cpu.Cpu].Tx, after[cpu.Cpu].Tx);
        }
    }

    /// <summary>A sysfs CPU list ("0-3,8-11") as ids.</summary>
    private static IEnumerable<int> CpuList(string file) =>
        File.ReadAllText(file).Trim().Split(',').SelectMany(r => r.Split('-') is [var a, var b]
            ? Enumerable.Range(int.Parse(a), int.Parse(b) - int.Parse(a) + 1) : [int.Parse(r)]);

    /// <summary>`cat /proc/softirqs` in the namespace, read independently of the parser: CPU id → (NET_RX, NET_TX).</summary>
    private Dictionary<int, (long Rx, long Tx)> CatSoftirqs()
    {
        var lines = Live.Ns.Exec("cat", "/proc/softirqs").EnsureSuccess("cat /proc/softirqs").Stdout.Split('\n');
        var ids = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w["CPU".Length..])).ToArray();
        long[] Row(string name) => lines.Single(l => l.TrimStart().StartsWith(name + ":", StringComparison.Ordinal))
            .Split(':')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        var (rx, tx) = (Row("NET_RX"), Row("NET_TX"));
        return ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (rx[x.i], tx[x.i]));
    }

    [LiveFact]
    public async Task Two_samples_see_exactly_the_datagrams_sent_between_them()
    {
        var sender = Live.Ns.StartPython(LiveNamespace.TrafficScript + """

            print("ready", flush=True)
            sys.stdin.readline()
            traffic(25)
            print("done", flush=True)
            sys.stdin.readline()
            """);
        ICollector[] collectors = [new NetSnmpCollector(), new InterfaceCollector(), new SockstatCollector(), new SoftnetCollector(), new SoftirqsCollector()];

        var task = HostCollection.CollectAsync(Live.Context, TimeSpan.FromSeconds(2), collectors: collectors);
        Assert.False(task.IsCompleted);   // the first sample is taken; now send between the two
        await sender.StandardInput.WriteLineAsync("go");
        await sender.StandardInput.FlushAsync();
        Assert.Equal("done", await sender.StandardOutput.ReadLineAsync());
        var (snapshot, diagnostics) = await task;

        Assert.Empty(diagnostics);
        Assert.InRange(snapshot.IntervalSeconds!.Value, 2.0, 10.0);
        Assert.Equal(25L, snapshot.Deltas!["Udp.OutDatagrams"]);
        Assert.Equal(25L, snapshot.Deltas["Udp.InDatagrams"]);
        var lo = snapshot.Interfaces.Single(i => i.Name == "lo");
        Assert.Equal(25L, lo.Deltas!["rxPackets"]);
        Assert.Equal(25L, lo.Deltas["txPackets"]);
        // payload + UDP + IPv4 headers; lo counts after eth_type_trans() has pulled the 14-byte Ethernet header
        Assert.Equal(25L * (64 + 8 + 20), lo.Deltas["rxBytes"]);
        Assert.Equal(25L, lo.Deltas["rx_packets"]);
        Assert.All(snapshot.Softnet, c => Assert.NotNull(c.Deltas));
        // Loopback delivers through the per-CPU backlog (netif_rx()), whose processing is a NET_RX softirq.
        Assert.All(snapshot.Softnet, c => Assert.True(c.Deltas!["netRx"] >= 0 && c.NetRx is not null));
        Assert.True(snapshot.Softnet.Sum(c => c.Deltas!["netRx"]) >= 1);
        Assert.Contains(SnapshotCapability.Rates, snapshot.Source.Capabilities);
    }

    private Dictionary<string, JsonElement> IpLink()
    {
        var json = Live.Ns.Exec("ip", "-s", "-s", "-j", "link", "show").EnsureSuccess("ip link").Stdout;
        return JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("ifname").GetString()!, e => e.Clone());
    }

    private static long Stat(JsonElement link, string direction, string name) =>
        link.GetProperty("stats64").GetProperty(direction).GetProperty(name).GetInt64();
}
