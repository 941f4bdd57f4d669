using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Collection;

public sealed class HostCollectorTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private bool? IsInitialNetns()
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        new HostCollector().Collect(new CollectionContext { ProcRoot = _tree.PathOf("proc"), ConfigRoot = _tree.Root }, sample);
        return sample.Host.IsInitialNetworkNamespace;
    }

    [Fact]
    public void Without_ns_links_a_host_global_key_marks_the_initial_namespace()
    {
        _tree.Write("proc/sys/net/core/somaxconn", "4096\n");
        _tree.Write("proc/sys/net/core/netdev_max_backlog", "1000\n");
        Assert.True(IsInitialNetns());
    }

    [Fact]
    public void Without_ns_links_a_missing_host_global_key_marks_a_child_namespace()
    {
        _tree.Write("proc/sys/net/core/somaxconn", "4096\n");
        Assert.False(IsInitialNetns());
    }

    [Fact]
    public void Without_ns_links_or_sysctls_it_is_unknown()
    {
        _tree.Write("proc/sys/kernel/osrelease", "6.18.44\n");
        Assert.Null(IsInitialNetns());
    }
}
