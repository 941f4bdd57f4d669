using TuneAdvisor.Configuration;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Image.Systemd;

namespace TuneAdvisor.Tests.Sources.Image;

public sealed class SystemdLimitReaderTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private SystemdLimits Read() => SystemdLimitReader.Read(new RootFileSystem(_tree.Root));

    private static string Describe(ConfiguredLimit l) =>
        $"{l.Scope} {RlimitValue.Format(l.Soft!.Value)}:{RlimitValue.Format(l.Hard!.Value)} {l.Source}";

    [Fact]
    public void System_conf_then_its_drop_ins_by_name_decide_DefaultLimitNOFILE()
    {
        _tree.File("etc/systemd/system.conf", "[Manager]", "#DefaultLimitNOFILE=1024:524288", "DefaultLimitNOFILE=65536")
            .File("usr/lib/systemd/system.conf.d/10-vendor.conf", "[Manager]", "DefaultLimitNOFILE=4096:8192")
            .File("etc/systemd/system.conf.d/20-admin.conf", "[Manager]", "DefaultLimitNOFILE=16384:1048576");

        var system = Assert.Single(Read().Limits);

        Assert.Equal("system 16384:1048576 etc/systemd/system.conf.d/20-admin.conf:2", Describe(system));
        Assert.Equal("NOFILE", system.Name);
    }

    [Fact]
    public void A_unit_and_its_drop_in_set_LimitNOFILE_and_the_drop_in_wins()
    {
        _tree.File("usr/lib/systemd/system/app.service", "[Unit]", "Description=app", "", "[Service]", "ExecStart=/usr/bin/app", "LimitNOFILE=8192:16384")
            .File("etc/systemd/system/app.service.d/override.conf", "[Service]", "LimitNOFILE=infinity")
            .File("usr/lib/systemd/system/web.service", "[Service]", "LimitNOFILE=4096")
            .File("usr/lib/systemd/system/plain.service", "[Service]", "ExecStart=/bin/true")
            .File("usr/lib/systemd/system/db-main.service", "[Service]", "ExecStart=/bin/true")
            .File("usr/lib/systemd/system/db-.service.d/limits.conf", "[Service]", "LimitNOFILE=65536");

        var limits = Read().Limits.Where(l => l.Scope != "system").Select(Describe).ToArray();

        Assert.Equal(
        [
            "app.service infinity:infinity etc/systemd/system/app.service.d/override.conf:2",
            "db-main.service 65536:65536 usr/lib/systemd/system/db-.service.d/limits.conf:2",
            "web.service 4096:4096 usr/lib/systemd/system/web.service:2",
        ], limits);
    }

    [Fact]
    public void A_unit_in_etc_replaces_the_vendor_unit_and_a_dev_null_link_or_empty_file_masks_it()
    {
        _tree.File("usr/lib/systemd/system/app.service", "[Service]", "LimitNOFILE=1024")
            .File("etc/systemd/system/app.service", "[Service]", "LimitNOFILE=2048")
            .File("usr/lib/systemd/system/gone.service", "[Service]", "LimitNOFILE=3000")
            .Link("etc/systemd/system/gone.service", "/dev/null")
            .File("usr/lib/systemd/system/empty.service", "[Service]", "LimitNOFILE=3000")
            .File("etc/systemd/system/empty.service");

        var limits = Read().Limits.Where(l => l.Scope != "system").Select(Describe).ToArray();

        Assert.Equal(["app.service 2048:2048 etc/systemd/system/app.service:2"], limits);
    }

    [Fact]
    public void Unset_limits_fall_back_to_the_systemd_default_of_the_image_version()
    {
        _tree.File("usr/lib/systemd/libsystemd-shared-252.so", "x");
        Assert.Equal("system 1024:524288 systemd default", Describe(Assert.Single(Read().Limits)));
    }

    [Fact]
    public void Systemd_before_240_defaulted_to_the_kernel_hard_limit()
    {
        _tree.File("lib/systemd/libsystemd-shared-237.so", "x");
        Assert.Equal("system 1024:4096 systemd default (v237 < 240: the kernel's 1024:4096)", Describe(Assert.Single(Read().Limits)));
    }

    [Fact]
    public void An_image_without_systemd_has_no_system_limit()
    {
        _tree.File("etc/hostname", "box");
        Assert.Empty(Read().Limits);
    }

    [Fact]
    public void An_empty_assignment_resets_and_an_invalid_one_is_skipped_with_its_line()
    {
        _tree.File("etc/systemd/system.conf", "[Manager]", "DefaultLimitNOFILE=65536", "DefaultLimitNOFILE=lots", "DefaultLimitNOFILE=")
            .File("usr/lib/systemd/system/app.service", "[Service]", "LimitNOFILE=9000:100", "this is not ini")
            .File("usr/lib/systemd/systemd", "x");

        var result = Read();

        Assert.Equal("system 1024:524288 systemd default", Describe(Assert.Single(result.Limits)));
        var skipped = result.Diagnostics.Select(d => d.ToString()).ToArray();
        Assert.Equal(3, skipped.Length);
        Assert.Contains(skipped, s => s.StartsWith("etc/systemd/system.conf(3,1): warning TA0203: Line skipped: etc/systemd/system.conf:3: DefaultLimitNOFILE=lots is not a limit", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("usr/lib/systemd/system/app.service(2,1): warning TA0203", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("usr/lib/systemd/system/app.service(3,1): warning TA0203: Line skipped: usr/lib/systemd/system/app.service:3: not an assignment", StringComparison.Ordinal));
    }

    [Fact]
    public void Service_d_drop_ins_apply_to_every_service_and_are_reported_once()
    {
        _tree.File("etc/systemd/system/service.d/10-all.conf", "[Service]", "LimitNOFILE=32768")
            .File("usr/lib/systemd/system/a.service", "[Service]", "ExecStart=/bin/a")
            .File("usr/lib/systemd/system/b.service", "[Service]", "LimitNOFILE=1024")
            .File("etc/systemd/system/b.service.d/50-more.conf", "[Service]", "LimitNOFILE=2048");

        var limits = Read().Limits.Where(l => l.Scope != "system").Select(Describe).ToArray();

        // b.service: unit file, then drop-ins by name: 10-all.conf (32768) then 50-more.conf (2048).
        Assert.Equal(
        [
            "*.service (service.d) 32768:32768 etc/systemd/system/service.d/10-all.conf:2",
            "b.service 2048:2048 etc/systemd/system/b.service.d/50-more.conf:2",
        ], limits);
    }

    [Fact]
    public void Line_continuations_are_joined()
    {
        var (settings, diagnostics) = SystemdIniParser.Parse("[Service]\nExecStart=/bin/x \\\n  --flag\nLimitNOFILE=10:20\n", "u.service");
        Assert.Empty(diagnostics);
        Assert.Equal("/bin/x --flag", settings[0].Value);
        Assert.Equal(4, settings[1].Line);
    }
}
