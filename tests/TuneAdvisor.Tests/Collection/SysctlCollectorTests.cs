using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection;

public sealed class SysctlCollectorTests : IDisposable
{
    private readonly TempTree _tree = new();

    public SysctlCollectorTests()
    {
        _tree.Write("proc/sys/net/core/somaxconn", "4096\n");
        _tree.Write("proc/sys/net/core/netdev_max_backlog", "1000\n");
        _tree.Write("proc/sys/net/ipv4/tcp_rmem", "4096\t131072\t6291456\n");
        _tree.Write("proc/sys/fs/file-nr", "1234\t0\t9223372036854775807\n");
        _tree.Write("proc/sys/fs/file-max", "9223372036854775807\n");
        _tree.Write("proc/sys/fs/nr_open", "1048576\n");
        _tree.Write("proc/sys/kernel/hostname", "not collected\n");
        foreach (var iface in (string[])["all", "default", "lo", "eth0", "eth0.100", "veth1", "nosys0"])
        {
            _tree.Write($"proc/sys/net/ipv4/conf/{iface}/rp_filter", "2\n");
            _tree.Write($"proc/sys/net/ipv6/conf/{iface}/accept_ra", "1\n");
            if (iface != "all")
                _tree.Write($"proc/sys/net/ipv4/neigh/{iface}/base_reachable_time_ms", "30000\n");
        }
        _tree.Write("proc/sys/net/ipv4/neigh/default/gc_thresh3", "1024\n");
        _tree.Write("sys/class/net/lo/flags", "0x9\n");
        _tree.Write("sys/class/net/eth0/flags", "0x1003\n");
        _tree.Dir("sys/class/net/eth0/device");
        _tree.Write("sys/class/net/eth0.100/flags", "0x1003\n");
        _tree.Write("sys/class/net/veth1/flags", "0x1002\n");
    }

    public void Dispose() => _tree.Dispose();

    private SampleBuilder Collect(PerInterfaceSysctls policy, int max = 64)
    {
        var context = new CollectionContext
        {
            ProcRoot = _tree.PathOf("proc"), SysRoot = _tree.PathOf("sys"),
            PerInterfaceSysctls = policy, MaxSysctlInterfaces = max,
        };
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        new SysctlCollector().Collect(context, sample);
        return sample;
    }

    [Fact]
    public void Reads_net_and_fs_keys_normalised_with_their_source_file()
    {
        var sample = Collect(PerInterfaceSysctls.All);

        Assert.Equal("4096 131072 6291456", sample.Sysctls["net.ipv4.tcp_rmem"].Value);
        Assert.Equal(_tree.PathOf("proc/sys/net/ipv4/tcp_rmem"), sample.Sysctls["net.ipv4.tcp_rmem"].Source);
        Assert.Equal("1234 0 9223372036854775807", sample.Sysctls["fs.file-nr"].Value);
        Assert.Equal("1048576", sample.Sysctls["fs.nr_open"].Value);
        Assert.Equal("9223372036854775807", sample.Sysctls["fs.file-max"].Value);
        Assert.False(sample.Sysctls.ContainsKey("kernel.hostname"));
        Assert.Contains(SnapshotCapability.Sysctls, sample.Capabilities);
        Assert.Empty(sample.Notes);
    }

    [Fact]
    public void Splits_file_nr_into_gauges()
    {
        var sample = Collect(PerInterfaceSysctls.Selected);

        Assert.Equal(1234L, sample.Gauges["fs.file-nr.allocated"]);
        Assert.Equal(long.MaxValue, sample.Gauges["fs.file-nr.max"]);
    }

    [Fact]
    public void Marks_keys_that_exist_only_in_the_initial_network_namespace()
    {
        var sample = Collect(PerInterfaceSysctls.Selected);

        Assert.True(sample.Sysctls["net.core.netdev_max_backlog"].InitNetnsOnly);
        Assert.True(sample.Sysctls["net.ipv4.neigh.default.gc_thresh3"].InitNetnsOnly);
        Assert.False(sample.Sysctls["net.core.somaxconn"].InitNetnsOnly);
        Assert.False(sample.Sysctls["net.ipv4.neigh.default.base_reachable_time_ms"].InitNetnsOnly);
        Assert.Null(sample.Sysctls["fs.file-max"].InitNetnsOnly);
    }

    [Fact]
    public void All_reads_every_interface_directory_and_spells_dotted_names_with_slashes()
    {
        var keys = Collect(PerInterfaceSysctls.All).Sysctls.Keys.ToHashSet();

        foreach (var iface in (string[])["all", "default", "lo", "eth0", "eth0/100", "veth1", "nosys0"])
        {
            Assert.Contains($"net.ipv4.conf.{iface}.rp_filter", keys);
            Assert.Contains($"net.ipv6.conf.{iface}.accept_ra", keys);
        }
        Assert.Contains("net.ipv4.neigh.veth1.base_reachable_time_ms", keys);
    }

    [Fact]
    public void Selected_reads_all_default_lo_and_interfaces_that_are_up_or_of_unknown_state()
    {
        var sample = Collect(PerInterfaceSysctls.Selected);
        var keys = sample.Sysctls.Keys.ToHashSet();

        foreach (var iface in (string[])["all", "default", "lo", "eth0", "eth0/100", "nosys0"])
            Assert.Contains($"net.ipv4.conf.{iface}.rp_filter", keys);
        Assert.Contains("net.ipv4.neigh.eth0.base_reachable_time_ms", keys);
        Assert.DoesNotContain(keys, k => k.Contains(".veth1.", StringComparison.Ordinal));
        var note = Assert.Single(sample.Notes);
        Assert.Equal("TA0209", note.Id);
        Assert.Contains("all, default, lo and 3 interfaces that are up; not for 1 interfaces that are down", note.Message);
    }

    [Fact]
    public void Selected_caps_the_interfaces_read_preferring_device_backed_ones()
    {
        var sample = Collect(PerInterfaceSysctls.Selected, max: 1);
        var keys = sample.Sysctls.Keys.ToHashSet();

        Assert.Contains("net.ipv4.conf.eth0.rp_filter", keys);
        Assert.DoesNotContain("net.ipv4.conf.eth0/100.rp_filter", keys);
        Assert.DoesNotContain("net.ipv4.conf.nosys0.rp_filter", keys);
        Assert.Contains("net.ipv4.conf.lo.rp_filter", keys);
        Assert.Contains("1 down and 2 more of the 3 up interfaces (over the limit of 1", Assert.Single(sample.Notes).Message);
    }

    [Fact]
    public void Selected_leaves_hundreds_of_down_interfaces_unread()
    {
        for (int i = 0; i < 500; i++)
        {
            _tree.Write($"proc/sys/net/ipv4/conf/veth{i:000}x/rp_filter", "0\n");
            _tree.Write($"sys/class/net/veth{i:000}x/flags", "0x1002\n");
        }

        int selected = Collect(PerInterfaceSysctls.Selected).Sysctls.Keys.Count(k => k.StartsWith("net.ipv4.conf.", StringComparison.Ordinal));
        int all = Collect(PerInterfaceSysctls.All).Sysctls.Keys.Count(k => k.StartsWith("net.ipv4.conf.", StringComparison.Ordinal));

        Assert.Equal(6, selected);
        Assert.Equal(507, all);
    }

    [Fact]
    public void A_missing_proc_sys_net_is_a_note_and_no_capability()
    {
        var context = new CollectionContext { ProcRoot = _tree.PathOf("nowhere"), SysRoot = _tree.PathOf("sys") };
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        new SysctlCollector().Collect(context, sample);

        Assert.Empty(sample.Sysctls);
        Assert.Empty(sample.Capabilities);
        Assert.Equal("TA0204", Assert.Single(sample.Notes).Id);
    }
}
