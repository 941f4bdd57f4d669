using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection;

/// <summary>The softnet, softirqs, sockstat and conntrack collectors over fixture trees.</summary>
public sealed class ProcNetCollectorTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private SampleBuilder Collect(ICollector collector)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        collector.Collect(new CollectionContext { ProcRoot = _tree.PathOf("proc"), SysRoot = _tree.PathOf("sys") }, sample);
        return sample;
    }

    [Fact]
    public void Softnet_reads_every_cpu()
    {
        _tree.Write("proc/net/softnet_stat", TestFiles.Read("Proc", "kernel-6.18-host", "softnet_stat"));
        var sample = Collect(new SoftnetCollector());

        Assert.Equal([0, 1], sample.Softnet.Select(c => c.Cpu));
        Assert.Equal(0x110fL, sample.Softnet[1].Processed);
        Assert.Contains(SnapshotCapability.Softnet, sample.Capabilities);
        Assert.True(new SoftnetCollector().IsSampled);
    }

    [Fact]
    public void Softnet_missing_is_a_note_and_no_capability()
    {
        var sample = Collect(new SoftnetCollector());

        Assert.Empty(sample.Softnet);
        Assert.Empty(sample.Capabilities);
        Assert.Equal("TA0204", Assert.Single(sample.Notes).Id);
    }

    [Fact]
    public void Softirqs_reads_net_rx_and_net_tx_of_every_cpu_through_the_proc_root()
    {
        _tree.Write("proc/softirqs", TestFiles.Read("Captures", "softirqs", "proc_softirqs.txt"));
        var sample = Collect(new SoftirqsCollector());

        Assert.Equal([(0, 101841L, 311L), (1, 271263L, 358L)], sample.Softirqs.Select(c => (c.Cpu, c.NetRx, c.NetTx)));
        Assert.Contains(SnapshotCapability.Softirqs, sample.Capabilities);
        Assert.Equal([_tree.PathOf("proc/softirqs")], sample.Inputs);
        Assert.Empty(sample.Notes);
        Assert.True(new SoftirqsCollector().IsSampled);
    }

    [Fact]
    public void Softirqs_missing_is_a_note_and_no_capability()
    {
        var sample = Collect(new SoftirqsCollector());

        Assert.Empty(sample.Softirqs);
        Assert.Empty(sample.Capabilities);
        var note = Assert.Single(sample.Notes);
        Assert.Equal("TA0204", note.Id);
        Assert.Contains("NET_RX/NET_TX softirq counts per CPU are unknown", note.Message);
    }

    [Fact]
    public void Sockstat_becomes_gauges_and_a_missing_sockstat6_is_only_a_note()
    {
        _tree.Write("proc/net/sockstat", TestFiles.Read("Proc", "kernel-6.18-netns", "sockstat"));
        var sample = Collect(new SockstatCollector());

        Assert.Equal(1L, sample.Gauges["sockstat.TCP.tw"]);
        Assert.Equal(0L, sample.Gauges["sockstat.sockets.used"]);
        Assert.DoesNotContain(sample.Gauges.Keys, k => k.StartsWith("sockstat6.", StringComparison.Ordinal));
        Assert.Equal("TA0209", Assert.Single(sample.Notes).Id);
    }

    [Fact]
    public void Sockstat6_gauges_are_prefixed_sockstat6()
    {
        _tree.Write("proc/net/sockstat", "sockets: used 1\n");
        _tree.Write("proc/net/sockstat6", "TCP6: inuse 17\nUDP6: inuse 9\n");
        var sample = Collect(new SockstatCollector());

        Assert.Equal(17L, sample.Gauges["sockstat6.TCP6.inuse"]);
        Assert.Equal(9L, sample.Gauges["sockstat6.UDP6.inuse"]);
        Assert.Empty(sample.Notes);
    }

    [Fact]
    public void Conntrack_not_loaded_gives_a_note_no_capability_and_no_zeros()
    {
        _tree.Write("proc/sys/net/core/somaxconn", "4096\n");
        var sample = Collect(new ConntrackCollector());

        Assert.Empty(sample.Gauges);
        Assert.Empty(sample.Counters);
        Assert.Empty(sample.Capabilities);
        var note = Assert.Single(sample.Notes);
        Assert.Equal("TA0209", note.Id);
        Assert.Contains("nf_conntrack module is not loaded", note.Message);
    }

    [Fact]
    public void Conntrack_loaded_gives_count_max_and_summed_drop_counters()
    {
        _tree.Write("proc/sys/net/netfilter/nf_conntrack_count", "1200\n");
        _tree.Write("proc/sys/net/netfilter/nf_conntrack_max", "262144\n");
        _tree.Write("proc/net/stat/nf_conntrack",
            "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n" +
            "000004b0  00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000001 00000010 00000002 00000000  00000000 00000000 00000000 00000000\n" +
            "000004b0  00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000001 00000000 00000000  00000000 00000000 00000000 00000000\n");
        var sample = Collect(new ConntrackCollector());

        Assert.Equal(1200L, sample.Gauges["conntrack.count"]);
        Assert.Equal(262144L, sample.Gauges["conntrack.max"]);
        Assert.Equal(17L, sample.Counters["Conntrack.Drop"]);
        Assert.Equal(2L, sample.Counters["Conntrack.EarlyDrop"]);
        Assert.Equal(1L, sample.Counters["Conntrack.InsertFailed"]);
        Assert.Contains(SnapshotCapability.Conntrack, sample.Capabilities);
        Assert.Empty(sample.Notes);
    }

    [Fact]
    public void Conntrack_without_the_stat_file_keeps_the_gauges()
    {
        _tree.Write("proc/sys/net/netfilter/nf_conntrack_count", "0\n");
        _tree.Write("proc/sys/net/netfilter/nf_conntrack_max", "65536\n");
        var sample = Collect(new ConntrackCollector());

        Assert.Equal(0L, sample.Gauges["conntrack.count"]);
        Assert.Empty(sample.Counters);
        Assert.Contains(SnapshotCapability.Conntrack, sample.Capabilities);
        Assert.Equal("TA0209", Assert.Single(sample.Notes).Id);
    }

    [Fact]
    public void The_registry_lists_every_collector_once()
    {
        var names = CollectorRegistry.Default.Select(c => c.Name).ToList();

        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Contains("interfaces", names);
        Assert.Contains("softnet", names);
        Assert.Contains("sockstat", names);
        Assert.Contains("conntrack", names);
        Assert.Contains("sysctl", names);
        Assert.Contains("counters", names);
    }
}
