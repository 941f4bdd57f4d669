using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Image;

namespace TuneAdvisor.Tests.Sources.Image;

public sealed class ImageRootReaderTests : IDisposable
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private TempTree Debian(string kernel) =>
        _tree.File("etc/hostname", "golden-01")
            .File("usr/lib/os-release", "NAME=\"Debian GNU/Linux\"", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"")
            .Link("etc/os-release", "../usr/lib/os-release")
            .Dir($"usr/lib/modules/{kernel}/kernel")
            .Link("lib", "usr/lib")
            .File("usr/lib/systemd/libsystemd-shared-252.so", "x");

    [Fact]
    public void An_image_with_4_19_modules_gets_somaxconn_128_as_kernel_default()
    {
        Debian("4.19.0-26-amd64");

        var (snapshot, _) = ImageRootReader.Read(_tree.Root, Clock);

        Assert.Equal("128", snapshot.Sysctls["net.core.somaxconn"].Value);
        Assert.Equal("kernel default (<5.4)", snapshot.Sysctls["net.core.somaxconn"].Source);
        Assert.Equal("32768 60999", snapshot.Sysctls["net.ipv4.ip_local_port_range"].Value);
        Assert.Equal("2", snapshot.Sysctls["net.ipv4.tcp_tw_reuse"].Value);
    }

    [Fact]
    public void An_image_with_6_1_modules_gets_4096_and_its_configuration_over_the_defaults()
    {
        Debian("6.1.0-18-amd64")
            .File("etc/sysctl.conf", "#net.core.somaxconn = 1", "net.ipv4.tcp_fin_timeout = 30")
            .Link("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf")
            .File("usr/lib/sysctl.d/50-default.conf", "net.core.default_qdisc = fq_codel")
            .File("etc/sysctl.d/60-net.conf", "net.ipv4.tcp_max_syn_backlog = 8192", "net.ipv4.tcp_tw_recycle = 1");

        var (snapshot, diagnostics) = ImageRootReader.Read(_tree.Root, Clock);

        Assert.Equal("image", snapshot.Source.Kind);
        Assert.Equal(Path.GetFullPath(_tree.Root), snapshot.Source.Location);
        Assert.True(snapshot.Has(SnapshotCapability.ConfiguredSysctls));
        Assert.True(snapshot.Has(SnapshotCapability.AppConfigs));
        Assert.False(snapshot.Has(SnapshotCapability.Sysctls));
        Assert.False(snapshot.Has(SnapshotCapability.Listeners));
        Assert.False(snapshot.Has(SnapshotCapability.Rates));
        Assert.Equal("golden-01", snapshot.Host.Hostname);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", snapshot.Host.OsRelease);
        Assert.Equal("6.1.0-18-amd64", snapshot.Host.Kernel);
        Assert.Equal("usr/lib/modules/6.1.0-18-amd64", snapshot.Host.KernelSource);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), snapshot.CapturedAt);

        Assert.Equal("4096", snapshot.Sysctls["net.core.somaxconn"].Value);
        Assert.Equal("kernel default (≥5.4)", snapshot.Sysctls["net.core.somaxconn"].Source);
        Assert.Equal("30", snapshot.Sysctls["net.ipv4.tcp_fin_timeout"].Value);
        Assert.Equal("etc/sysctl.d/99-sysctl.conf:2", snapshot.Sysctls["net.ipv4.tcp_fin_timeout"].Source);
        Assert.Equal("fq_codel", snapshot.Sysctls["net.core.default_qdisc"].Value);
        Assert.Equal("8192", snapshot.Sysctls["net.ipv4.tcp_max_syn_backlog"].Value);
        Assert.False(snapshot.Sysctls.ContainsKey("net.ipv4.tcp_max_tw_buckets"));
        Assert.Contains("etc/sysctl.d/60-net.conf", snapshot.Source.Inputs);
        Assert.Contains("etc/sysctl.conf", snapshot.Source.Inputs);

        var limit = Assert.Single(snapshot.Limits);
        Assert.Equal((1024L, 524288L, "systemd default"), (limit.Soft!.Value, limit.Hard!.Value, limit.Source));

        var text = string.Join("\n", diagnostics.Select(d => d.ToString()));
        Assert.Contains("etc/sysctl.d/60-net.conf(2,1): info TA0209: net.ipv4.tcp_tw_recycle = 1 is set at etc/sysctl.d/60-net.conf:2; the image's kernel 6.1.0-18-amd64 no longer has it: removed in Linux 4.12", text);
        Assert.Contains("defaults derived from RAM or the kernel build are unknown offline unless configured: fs.file-max,", text);
        Assert.DoesNotContain("net.ipv4.tcp_max_syn_backlog,", text);
        Assert.Equal(diagnostics.Length, snapshot.Notes.Length);
    }

    [Fact]
    public void An_image_applies_app_configs_and_a_sysctl_disagreement_note()
    {
        Debian("6.1.0-18-amd64")
            .File("etc/sysctl.conf", "net.core.somaxconn = 1024")
            .Link("etc/sysctl.d/99-sysctl.conf", "/etc/sysctl.conf")
            .File("etc/sysctl.d/99-zz.conf", "net.core.somaxconn = 8192")
            .File("etc/redis/redis.conf", "bind 127.0.0.1", "tcp-backlog 65535");

        var (snapshot, _) = ImageRootReader.Read(_tree.Root, Clock);

        Assert.Equal("8192", snapshot.Sysctls["net.core.somaxconn"].Value);
        var redis = Assert.Single(snapshot.AppConfigs);
        Assert.Equal(("redis", "127.0.0.1:6379", 65535L, "etc/redis/redis.conf:2"), (redis.App, redis.Listen, redis.Backlog, redis.Source));
        var note = Assert.Single(snapshot.Notes, n => n.Id == "TA0208");
        Assert.Equal("etc/sysctl.d/99-zz.conf(1,1)", note.Location);
        Assert.Contains("sysctl --system applies 1024 (etc/sysctl.conf:1)", note.Message);
    }

    [Fact]
    public void A_tree_without_any_known_file_gives_unknowns_and_notes_not_exceptions()
    {
        _tree.File("srv/data/readme.txt", "nothing here");

        var (snapshot, diagnostics) = ImageRootReader.Read(_tree.Root, Clock);

        Assert.Empty(snapshot.Sysctls);
        Assert.Empty(snapshot.AppConfigs);
        Assert.Empty(snapshot.Limits);
        Assert.Empty(snapshot.Listeners);
        Assert.Null(snapshot.Host.Kernel);
        Assert.Null(snapshot.Host.Hostname);
        Assert.Null(snapshot.Host.OsRelease);
        Assert.True(snapshot.Has(SnapshotCapability.ConfiguredSysctls));
        var ids = diagnostics.Select(d => d.Id).ToArray();
        Assert.Contains("TA0204", ids);
        Assert.Contains(snapshot.Notes, n => n.Message.StartsWith("no kernel found in the image", StringComparison.Ordinal));
        Assert.Contains(snapshot.Notes, n => n.Message.StartsWith("the image has no sysctl configuration", StringComparison.Ordinal));
        Assert.NotNull(SnapshotJson.Serialize(snapshot));
    }

    [Fact]
    public void A_missing_root_is_an_unreadable_input()
    {
        var (snapshot, diagnostics) = ImageRootReader.Read(Path.Combine(_tree.Root, "nope"), Clock);

        Assert.Equal("TA0201", Assert.Single(diagnostics).Id);
        Assert.Empty(snapshot.Source.Capabilities);
        Assert.Single(snapshot.Notes);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
