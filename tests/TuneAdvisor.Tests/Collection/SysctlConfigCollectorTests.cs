using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Collection;

public sealed class SysctlConfigCollectorTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Marks_configured_keys_on_the_live_entries_and_notes_keys_proc_sys_lacks()
    {
        _tree.File("proc/sys/net/core/somaxconn", "4096")
            .File("proc/sys/net/ipv4/tcp_fin_timeout", "60")
            .File("proc/sys/net/ipv4/conf/eth0/rp_filter", "2")
            .File("proc/sys/net/ipv4/conf/lo/rp_filter", "0")
            .File("proc/sys/vm/swappiness", "60")
            .File("root/etc/sysctl.d/60-tuning.conf",
                "net.core.somaxconn = 8192",
                "net.ipv4.conf.*.rp_filter = 1",
                "net.ipv4.conf.lo.rp_filter = 0",
                "net.netfilter.nf_conntrack_max = 262144",
                "vm.swappiness = 10");
        var context = new CollectionContext { ProcRoot = Path.Combine(_tree.Root, "proc"), ConfigRoot = Path.Combine(_tree.Root, "root") };
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        new SysctlCollector().Collect(context, sample);

        new SysctlConfigCollector().Collect(context, sample);

        var somaxconn = sample.Sysctls["net.core.somaxconn"];
        Assert.Equal("4096", somaxconn.Value);
        Assert.Equal(("8192", "etc/sysctl.d/60-tuning.conf:1"), (somaxconn.Configured!.Value, somaxconn.Configured.Source));
        Assert.Equal(("1", "etc/sysctl.d/60-tuning.conf:2"), (sample.Sysctls["net.ipv4.conf.eth0.rp_filter"].Configured!.Value, sample.Sysctls["net.ipv4.conf.eth0.rp_filter"].Configured!.Source));
        Assert.Equal("0", sample.Sysctls["net.ipv4.conf.lo.rp_filter"].Configured!.Value);
        Assert.Null(sample.Sysctls["net.ipv4.tcp_fin_timeout"].Configured);
        Assert.False(sample.Sysctls.ContainsKey("net.netfilter.nf_conntrack_max"));
        Assert.False(sample.Sysctls.ContainsKey("vm.swappiness"));
        var missing = Assert.Single(sample.Notes, n => n.Message.Contains("has no such key", StringComparison.Ordinal));
        Assert.StartsWith("net.netfilter.nf_conntrack_max = 262144 is configured at etc/sysctl.d/60-tuning.conf:4", missing.Message);
        Assert.Contains("etc/sysctl.d/60-tuning.conf", sample.Inputs);
    }

    [Fact]
    public void Runs_right_after_the_sysctl_collector_that_creates_the_entries()
    {
        var names = CollectorRegistry.Default.Select(c => c.Name).ToList();
        Assert.Equal(names.IndexOf("sysctl") + 1, names.IndexOf("sysctl-config"));
        Assert.False(CollectorRegistry.Default.Single(c => c.Name == "sysctl-config").IsSampled);
    }
}
