using TuneAdvisor.Drift;
using TuneAdvisor.Snapshots;
using static TuneAdvisor.Tests.Drift.DriftFixture;

namespace TuneAdvisor.Tests.Drift;

public sealed class SysctlDifferTests
{
    [Fact]
    public void Sysctls_changed_added_and_removed_are_listed_by_key()
    {
        var before = Snapshot("sysctls: { net.core.somaxconn: 4096, net.ipv4.tcp_syncookies: 1, net.ipv4.tcp_tw_reuse: 2 }");
        var after = Snapshot("sysctls: { net.core.somaxconn: 1024, net.ipv4.tcp_syncookies: 1, net.ipv4.tcp_fin_timeout: 30 }");

        var changes = SysctlDiffer.Compare(before.Sysctls, after.Sysctls);

        Assert.Equal("""
            changed net.core.somaxconn: 4096 -> 1024
            added net.ipv4.tcp_fin_timeout: - -> 30
            removed net.ipv4.tcp_tw_reuse: 2 -> -
            """.ReplaceLineEndings("\n"), Lines(changes));
    }

    [Fact]
    public void The_same_value_read_from_another_place_is_no_change()
    {
        var before = new Dictionary<string, SysctlEntry> { ["net.core.somaxconn"] = new("4096", "/proc/sys/net/core/somaxconn") };
        var after = new Dictionary<string, SysctlEntry> { ["net.core.somaxconn"] = new("4096", "etc/sysctl.d/60-web.conf:2") };
        Assert.Empty(SysctlDiffer.Compare(before, after));
    }

    [Fact]
    public void Sysctls_that_change_by_themselves_are_not_setting_changes()
    {
        var before = Snapshot("sysctls: { kernel.random.uuid: 8b1d-1, fs.file-nr: 1024 0 9000, net.netfilter.nf_conntrack_count: 10 }");
        var after = Snapshot("sysctls: { kernel.random.uuid: 77aa-2, fs.file-nr: 2048 0 9000, net.netfilter.nf_conntrack_count: 99 }");
        Assert.Empty(SysctlDiffer.Compare(before.Sysctls, after.Sysctls));
    }
}
