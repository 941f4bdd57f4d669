using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection;

public sealed class InterfaceCollectorTests : IDisposable
{
    private const string Dev =
        "Inter-|   Receive                                                |  Transmit\n" +
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n" +
        "    lo:     100       2    0    0    0     0          0         0      100       2    0    0    0     0       0          0\n" +
        "  eth0: 5000000    4000    1    7    0     0          0        12   300000    2000    0    3    0     0       0          0\n" +
        "vethlongname0:  648       8    0    0    0     0          0         0      438       5    0    0    0     0       0          0\n" +
        " ghost0:      0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n";

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private CollectionContext Context => new() { ProcRoot = _tree.PathOf("proc"), SysRoot = _tree.PathOf("sys") };

    private SampleBuilder Collect()
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        new InterfaceCollector().Collect(Context, sample);
        return sample;
    }

    private void WriteSysfs()
    {
        _tree.Write("sys/class/net/eth0/speed", "10000\n");
        _tree.Write("sys/class/net/eth0/mtu", "9000\n");
        _tree.Write("sys/class/net/eth0/operstate", "up\n");
        _tree.Write("sys/class/net/eth0/tx_queue_len", "1000\n");
        _tree.Write("sys/class/net/eth0/statistics/rx_bytes", "5000000\n");
        _tree.Write("sys/class/net/eth0/statistics/rx_dropped", "4\n");
        _tree.Write("sys/class/net/eth0/statistics/rx_missed_errors", "3\n");
        _tree.Write("sys/class/net/eth0/statistics/rx_nohandler", "0\n");
        _tree.Write("sys/class/net/vethlongname0/speed", "-1\n");
        _tree.Write("sys/class/net/vethlongname0/operstate", "lowerlayerdown\n");
        _tree.Dir("sys/class/net/lo/speed"); // reading fails (here EISDIR, on a live host EINVAL): unknown
        _tree.Write("sys/class/net/lo/mtu", "65536\n");
    }

    [Fact]
    public void Combines_proc_net_dev_with_link_facts_and_statistics_from_sysfs()
    {
        _tree.Write("proc/net/dev", Dev);
        WriteSysfs();
        var sample = Collect();
        var eth0 = sample.Interfaces.Single(i => i.Name == "eth0");

        Assert.Equal((5000000L, 4000L, 7L, 12L, 3L), (eth0.RxBytes, eth0.RxPackets, eth0.RxDropped, eth0.RxMulticast, eth0.TxDropped));
        Assert.Equal(10000L, eth0.SpeedMbps);
        Assert.Equal(9000, eth0.Mtu);
        Assert.Equal("up", eth0.OperState);
        Assert.Equal(1000L, eth0.TxQueueLen);
        Assert.Equal(["rx_bytes", "rx_dropped", "rx_missed_errors", "rx_nohandler"], eth0.Statistics.Keys);
        Assert.Equal(3L, eth0.Statistics["rx_missed_errors"]);
        Assert.Equal($"{_tree.PathOf("proc/net/dev")}:4", eth0.Source);
        Assert.Contains(SnapshotCapability.Interfaces, sample.Capabilities);
    }

    [Fact]
    public void Speed_minus_one_unreadable_or_missing_is_unknown()
    {
        _tree.Write("proc/net/dev", Dev);
        WriteSysfs();
        var sample = Collect();

        var veth = sample.Interfaces.Single(i => i.Name == "vethlongname0");
        Assert.Null(veth.SpeedMbps);
        Assert.Equal("lowerlayerdown", veth.OperState);
        Assert.Null(veth.Mtu);           // no mtu file
        Assert.Empty(veth.Statistics);   // no statistics directory
        var lo = sample.Interfaces.Single(i => i.Name == "lo");
        Assert.Null(lo.SpeedMbps);
        Assert.Equal(65536, lo.Mtu);
    }

    [Theory]
    [InlineData("1000", 1000L)]
    [InlineData("-1", null)]
    [InlineData("0", null)]
    [InlineData("65535", null)]
    [InlineData("4294967295", null)]
    [InlineData("garbage", null)]
    [InlineData(null, null)]
    public void Parses_speed(string? text, long? expected) => Assert.Equal(expected, InterfaceCollector.ParseSpeed(text));

    [Fact]
    public void An_interface_without_a_sysfs_directory_is_kept_with_a_note()
    {
        _tree.Write("proc/net/dev", Dev);
        WriteSysfs();
        var sample = Collect();

        var ghost = sample.Interfaces.Single(i => i.Name == "ghost0");
        Assert.Equal(0L, ghost.RxBytes);
        Assert.Null(ghost.SpeedMbps);
        var note = Assert.Single(sample.Notes);
        Assert.Equal("TA0209", note.Id);
        Assert.StartsWith("ghost0 have no directory in", note.Message);
    }

    [Fact]
    public void Without_proc_net_dev_the_sysfs_interfaces_are_listed()
    {
        WriteSysfs();
        _tree.Write("sys/class/net/bonding_masters", "\n");
        var sample = Collect();

        Assert.Equal(["eth0", "lo", "vethlongname0"], sample.Interfaces.Select(i => i.Name));
        Assert.Null(sample.Interfaces[0].RxBytes);
        Assert.Equal(5000000L, sample.Interfaces[0].Statistics["rx_bytes"]);
        Assert.Equal("TA0204", Assert.Single(sample.Notes).Id);
        Assert.Contains(SnapshotCapability.Interfaces, sample.Capabilities);
    }

    [Fact]
    public void Without_proc_and_sys_nothing_is_known_and_nothing_throws()
    {
        var sample = Collect();

        Assert.Empty(sample.Interfaces);
        Assert.Empty(sample.Capabilities);
        Assert.Equal(["TA0204", "TA0204"], sample.Notes.Select(n => n.Id));
    }
}
