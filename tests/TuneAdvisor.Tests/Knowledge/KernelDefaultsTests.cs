using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Tests.Knowledge;

public sealed class KernelDefaultsTests
{
    [Theory]
    [InlineData("4.19.0-26-amd64", "128", "kernel default (<5.4)")]
    [InlineData("5.3.18", "128", "kernel default (<5.4)")]
    [InlineData("5.4.0-150-generic", "4096", "kernel default (≥5.4)")]
    [InlineData("6.1.0-18-amd64", "4096", "kernel default (≥5.4)")]
    public void Somaxconn_changed_in_5_4(string release, string value, string source)
    {
        Assert.True(KernelVersion.TryParse(release, out var version));
        var era = KernelDefaults.Lookup("net.core.somaxconn", version);
        Assert.NotNull(era);
        Assert.Equal(value, era.Value);
        Assert.Equal(source, era.Source);
    }

    [Theory]
    [InlineData("4.19", "4096 87380 6291456")]
    [InlineData("6.15.9", "4096 131072 6291456")]
    [InlineData("6.16", "4096 131072 33554432")]
    public void Tcp_rmem_max_grew_to_32_MiB_in_6_16(string release, string value)
    {
        var era = KernelDefaults.Lookup("net.ipv4.tcp_rmem", KernelVersion.Parse(release));
        Assert.Equal(value, era?.Value);
        Assert.Contains("RAM permitting", era!.Source);
    }

    [Fact]
    public void Tcp_tw_recycle_exists_only_before_4_12()
    {
        Assert.Equal("0", KernelDefaults.Lookup("net.ipv4.tcp_tw_recycle", KernelVersion.Parse("4.9"))?.Value);
        Assert.Null(KernelDefaults.Lookup("net.ipv4.tcp_tw_recycle", KernelVersion.Parse("4.12")));
        Assert.DoesNotContain("net.ipv4.tcp_tw_recycle", KernelDefaults.KeysFor(KernelVersion.Parse("5.10")));
        Assert.Contains("net.ipv4.tcp_tw_recycle", KernelDefaults.KeysFor(null));
        Assert.Equal(KernelVersion.Parse("4.12"), KernelDefaults.RemovalOf("net.ipv4.tcp_tw_recycle")?.RemovedIn);
    }

    [Fact]
    public void Ram_derived_defaults_are_not_in_the_table()
    {
        Assert.Null(KernelDefaults.Lookup("net.ipv4.tcp_max_syn_backlog", KernelVersion.Parse("6.1")));
        Assert.Contains("net.ipv4.tcp_max_syn_backlog", KernelDefaults.UnknownOffline.Keys);
        Assert.Empty(KernelDefaults.Table.Select(d => d.Key).Intersect(KernelDefaults.UnknownOffline.Keys));
    }

    [Fact]
    public void Every_key_has_eras_that_do_not_overlap()
    {
        foreach (var entry in KernelDefaults.Table)
            for (int i = 1; i < entry.Eras.Length; i++)
                Assert.Equal(entry.Eras[i - 1].Until, entry.Eras[i].Since);
    }

    [Fact]
    public void Port_range_and_tw_reuse_follow_their_changes()
    {
        Assert.Equal("32768 61000", KernelDefaults.Lookup("net.ipv4.ip_local_port_range", KernelVersion.Parse("4.1"))?.Value);
        Assert.Equal("32768 60999", KernelDefaults.Lookup("net.ipv4.ip_local_port_range", KernelVersion.Parse("4.2"))?.Value);
        Assert.Equal("0", KernelDefaults.Lookup("net.ipv4.tcp_tw_reuse", KernelVersion.Parse("4.14"))?.Value);
        Assert.Equal("2", KernelDefaults.Lookup("net.ipv4.tcp_tw_reuse", KernelVersion.Parse("4.19"))?.Value);
    }
}
