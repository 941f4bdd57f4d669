using TuneAdvisor.Configuration;
using TuneAdvisor.Configuration.Sysctl;

namespace TuneAdvisor.Tests.Sources.Image;

public sealed class SysctlConfigMergerTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private SysctlConfiguration Merge(params string[] knownKeys) =>
        SysctlConfigMerger.Merge(new RootFileSystem(_tree.Root), knownKeys);

    private static string Messages(SysctlConfiguration config) => string.Join("\n", config.Diagnostics.Select(d => d.ToString()));

    [Fact]
    public void Same_name_in_several_directories_only_the_highest_priority_copy_is_read()
    {
        _tree.File("etc/sysctl.d/50-x.conf", "net.core.somaxconn = 1")
            .File("run/sysctl.d/50-x.conf", "net.core.somaxconn = 2", "net.ipv4.tcp_fin_timeout = 30")
            .File("usr/local/lib/sysctl.d/50-x.conf", "net.core.somaxconn = 3")
            .File("usr/lib/sysctl.d/50-x.conf", "net.core.somaxconn = 4")
            .File("run/sysctl.d/60-y.conf", "net.ipv4.tcp_syncookies = 1")
            .File("usr/local/lib/sysctl.d/60-y.conf", "net.ipv4.tcp_syncookies = 0")
            .File("usr/lib/sysctl.d/70-z.conf", "net.ipv4.tcp_abort_on_overflow = 0")
            .File("lib/sysctl.d/70-z.conf", "net.ipv4.tcp_abort_on_overflow = 1");

        var config = Merge();

        Assert.Equal("1", config.Values["net.core.somaxconn"].Value);
        Assert.Equal("etc/sysctl.d/50-x.conf:1", config.Values["net.core.somaxconn"].Source);
        Assert.Empty(config.Values["net.core.somaxconn"].Overridden);
        Assert.False(config.Values.ContainsKey("net.ipv4.tcp_fin_timeout"));
        Assert.Equal("run/sysctl.d/60-y.conf:1", config.Values["net.ipv4.tcp_syncookies"].Source);
        Assert.Equal("usr/lib/sysctl.d/70-z.conf:1", config.Values["net.ipv4.tcp_abort_on_overflow"].Source);
        Assert.Equal(["etc/sysctl.d/50-x.conf", "run/sysctl.d/60-y.conf", "usr/lib/sysctl.d/70-z.conf"], config.Files.ToArray());
        Assert.Contains("usr/lib/sysctl.d/50-x.conf is not read: etc/sysctl.d/50-x.conf has the same name", Messages(config));
    }

    [Fact]
    public void An_empty_file_or_a_link_to_dev_null_masks_the_vendor_file_of_the_same_name()
    {
        _tree.File("usr/lib/sysctl.d/50-vendor.conf", "net.core.somaxconn = 128")
            .File("usr/lib/sysctl.d/60-other.conf", "net.ipv4.tcp_syncookies = 0")
            .File("etc/sysctl.d/50-vendor.conf")
            .Link("etc/sysctl.d/60-other.conf", "/dev/null");

        var config = Merge();

        Assert.Empty(config.Values);
        Assert.Contains("etc/sysctl.d/60-other.conf links to /dev/null: it masks every 60-other.conf of lower priority", Messages(config));
    }

    [Fact]
    public void Files_sort_by_name_across_directories_so_99_in_usr_lib_beats_50_in_etc()
    {
        _tree.File("etc/sysctl.d/50-y.conf", "net.core.somaxconn = 4096")
            .File("usr/lib/sysctl.d/99-x.conf", "net.core.somaxconn = 1024")
            .File("usr/lib/sysctl.d/10-a.conf", "net.core.somaxconn = 512");

        var entry = Merge().Values["net.core.somaxconn"];

        Assert.Equal("1024", entry.Value);
        Assert.Equal("usr/lib/sysctl.d/99-x.conf:1", entry.Source);
        Assert.Equal(["etc/sysctl.d/50-y.conf:1 = 4096", "usr/lib/sysctl.d/10-a.conf:1 = 512"], entry.Overridden.ToArray());
    }

    [Fact]
    public void A_glob_sets_known_keys_except_explicit_ones_and_bare_minus_exclusions()
    {
        // The shape of systemd's own 50-default.conf, plus an explicit exception in a later file.
        _tree.File("usr/lib/sysctl.d/50-default.conf",
                "net.ipv4.conf.default.rp_filter = 2",
                "net.ipv4.conf.*.rp_filter = 2",
                "-net.ipv4.conf.all.rp_filter")
            .File("etc/sysctl.d/90-lo.conf", "net.ipv4.conf.lo.rp_filter = 0");

        var config = Merge(
            "net.ipv4.conf.all.rp_filter", "net.ipv4.conf.default.rp_filter", "net.ipv4.conf.eth0.rp_filter",
            "net.ipv4.conf.lo.rp_filter", "net.ipv4.conf.eth0.forwarding");

        Assert.Equal("2", config.Values["net.ipv4.conf.eth0.rp_filter"].Value);
        Assert.Equal("usr/lib/sysctl.d/50-default.conf:2", config.Values["net.ipv4.conf.eth0.rp_filter"].Source);
        Assert.Equal("0", config.Values["net.ipv4.conf.lo.rp_filter"].Value);
        Assert.Equal("usr/lib/sysctl.d/50-default.conf:1", config.Values["net.ipv4.conf.default.rp_filter"].Source);
        Assert.False(config.Values.ContainsKey("net.ipv4.conf.all.rp_filter"));
        Assert.False(config.Values.ContainsKey("net.ipv4.conf.eth0.forwarding"));
        var glob = Assert.Single(config.Globs);
        Assert.Equal(["net.ipv4.conf.eth0.rp_filter"], glob.AppliedTo.ToArray());
        Assert.Equal(["net.ipv4.conf.all.rp_filter", "net.ipv4.conf.default.rp_filter", "net.ipv4.conf.lo.rp_filter"], glob.Excepted.ToArray());
        Assert.Contains("glob net.ipv4.conf.*.rp_filter = 2", Messages(config));
    }

    [Fact]
    public void A_glob_star_does_not_cross_a_key_separator()
    {
        _tree.File("etc/sysctl.d/50-x.conf", "net.ipv4.*.rp_filter = 1", "net.ipv4.conf.eth?.rp_filter = 2");

        var config = Merge("net.ipv4.conf.eth0.rp_filter", "net.ipv4.conf.eth1/100.rp_filter", "net.ipv4.conf.eth10.rp_filter");

        Assert.Equal("2", config.Values["net.ipv4.conf.eth0.rp_filter"].Value);
        Assert.False(config.Values.ContainsKey("net.ipv4.conf.eth1/100.rp_filter"));
        Assert.False(config.Values.ContainsKey("net.ipv4.conf.eth10.rp_filter"));
    }

    [Fact]
    public void A_leading_minus_marks_an_assignment_whose_failure_is_ignored()
    {
        _tree.File("etc/sysctl.d/50-x.conf", "-net.netfilter.nf_conntrack_max = 262144", "- net.core.somaxconn=8192");

        var config = Merge();

        Assert.Equal("262144", config.Values["net.netfilter.nf_conntrack_max"].Value);
        Assert.Equal("8192", config.Values["net.core.somaxconn"].Value);
    }

    [Fact]
    public void A_bare_minus_key_after_an_assignment_cancels_it_under_systemd_but_not_procps()
    {
        _tree.File("etc/sysctl.d/50-x.conf", "net.core.somaxconn = 8192")
            .File("etc/sysctl.d/60-y.conf", "-net.core.somaxconn");

        var config = Merge();

        Assert.False(config.Values.ContainsKey("net.core.somaxconn"));
        Assert.Equal("8192", config.ProcpsValues["net.core.somaxconn"].Value);
        var messages = Messages(config);
        Assert.Contains("'-net.core.somaxconn' without a value cancels the earlier assignments", messages);
        Assert.Contains("TA0208: net.core.somaxconn: systemd-sysctl applies nothing (kernel default) but sysctl --system applies 8192 (etc/sysctl.d/50-x.conf:1)", messages);
    }

    [Fact]
    public void Slash_separated_keys_are_paths_and_dots_and_slashes_swap()
    {
        _tree.File("etc/sysctl.d/50-x.conf",
                "net/ipv4/conf/eth0.100/rp_filter = 1",
                "net/core/somaxconn = 2048")
            .File("etc/sysctl.d/60-y.conf", "net.ipv4.conf.eth0/100.rp_filter = 0");

        var config = Merge();

        Assert.Equal("2048", config.Values["net.core.somaxconn"].Value);
        var vlan = config.Values["net.ipv4.conf.eth0/100.rp_filter"];
        Assert.Equal("0", vlan.Value);
        Assert.Equal(["etc/sysctl.d/50-x.conf:1 = 1"], vlan.Overridden.ToArray());
    }

    [Fact]
    public void Comments_blank_lines_and_whitespace_are_ignored_and_values_normalised()
    {
        _tree.File("etc/sysctl.d/50-x.conf",
            "# a comment",
            "; another comment",
            "   ",
            "  net.ipv4.tcp_rmem\t=   4096   131072\t33554432  ",
            "net.ipv4.tcp_fin_timeout=30",
            "   # indented comment = not a key");

        var config = Merge();

        Assert.Equal("4096 131072 33554432", config.Values["net.ipv4.tcp_rmem"].Value);
        Assert.Equal("etc/sysctl.d/50-x.conf:4", config.Values["net.ipv4.tcp_rmem"].Source);
        Assert.Equal("30", config.Values["net.ipv4.tcp_fin_timeout"].Value);
        Assert.Equal(2, config.Values.Count);
        Assert.Empty(config.Diagnostics);
    }

    [Fact]
    public void A_file_sorting_after_99_sysctl_wins_under_systemd_but_loses_to_etc_sysctl_conf_under_procps()
    {
        _tree.File("etc/sysctl.conf", "# Debian's file", "net.core.somaxconn = 1024", "net.ipv4.tcp_syncookies = 1")
            .Link("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf")
            .File("etc/sysctl.d/99-zz-tuning.conf", "net.core.somaxconn = 8192");

        var config = Merge();

        Assert.Equal("8192", config.Values["net.core.somaxconn"].Value);
        Assert.Equal("etc/sysctl.d/99-zz-tuning.conf:1", config.Values["net.core.somaxconn"].Source);
        Assert.Equal(["etc/sysctl.d/99-sysctl.conf:2 = 1024"], config.Values["net.core.somaxconn"].Overridden.ToArray());
        Assert.Equal("1024", config.ProcpsValues["net.core.somaxconn"].Value);
        Assert.Equal("etc/sysctl.conf:2", config.ProcpsValues["net.core.somaxconn"].Source);
        var disagreement = Assert.Single(config.Diagnostics, d => d.Id == "TA0208");
        Assert.Equal(
            "etc/sysctl.d/99-zz-tuning.conf(1,1): info TA0208: net.core.somaxconn: systemd-sysctl applies 8192 (etc/sysctl.d/99-zz-tuning.conf:1) but sysctl --system applies 1024 (etc/sysctl.conf:2)",
            disagreement.ToString());
    }

    [Fact]
    public void Etc_sysctl_conf_without_a_link_is_read_only_by_procps()
    {
        _tree.File("etc/sysctl.conf", "net.ipv4.tcp_fin_timeout = 15");

        var config = Merge();

        Assert.False(config.Values.ContainsKey("net.ipv4.tcp_fin_timeout"));
        Assert.Equal("15", config.ProcpsValues["net.ipv4.tcp_fin_timeout"].Value);
        Assert.Contains(config.Diagnostics, d => d.Id == "TA0208" && d.Message.StartsWith("net.ipv4.tcp_fin_timeout: systemd-sysctl applies nothing", StringComparison.Ordinal));
    }

    [Fact]
    public void Absolute_links_resolve_inside_the_root_never_on_the_host()
    {
        // The host's own /etc/sysctl.conf (if any) never sets this made-up value.
        _tree.File("etc/sysctl.conf", "net.core.somaxconn = 31337")
            .Link("etc/sysctl.d/99-sysctl.conf", "/etc/sysctl.conf")
            .File("opt/vendor/sysctl.d/40-vendor.conf", "net.ipv4.tcp_fin_timeout = 20")
            .Link("usr/lib/sysctl.d", "/opt/vendor/sysctl.d")
            .Link("opt/loop/a.conf", "/opt/loop/b.conf")
            .Link("opt/loop/b.conf", "a.conf")
            .Link("etc/sysctl.d/30-loop.conf", "/opt/loop/a.conf");

        var config = Merge();

        Assert.Equal("31337", config.Values["net.core.somaxconn"].Value);
        Assert.Equal("etc/sysctl.d/99-sysctl.conf:1", config.Values["net.core.somaxconn"].Source);
        Assert.Equal("20", config.Values["net.ipv4.tcp_fin_timeout"].Value);
        Assert.Equal("usr/lib/sysctl.d/40-vendor.conf:1", config.Values["net.ipv4.tcp_fin_timeout"].Source);
        Assert.Equal("etc/sysctl.d", new RootFileSystem(_tree.Root).Resolve("etc/../../../etc/sysctl.d"));
        Assert.Null(new RootFileSystem(_tree.Root).Resolve("etc/sysctl.d/30-loop.conf"));
    }

    [Fact]
    public void Malformed_lines_are_skipped_with_file_and_line()
    {
        _tree.File("etc/sysctl.d/50-x.conf",
            "net.core.somaxconn = 4096",
            "this line has no equals sign",
            " = 5",
            "net core somaxconn = 1");

        var config = Merge();

        Assert.Equal("4096", config.Values["net.core.somaxconn"].Value);
        var skipped = config.Diagnostics.Where(d => d.Id == "TA0203").Select(d => d.ToString()).ToList();
        Assert.Equal(3, skipped.Count);
        Assert.StartsWith("etc/sysctl.d/50-x.conf(2,1): warning TA0203: Line skipped: etc/sysctl.d/50-x.conf:2: not an assignment", skipped[0]);
        Assert.StartsWith("etc/sysctl.d/50-x.conf(3,1): warning TA0203", skipped[1]);
        Assert.StartsWith("etc/sysctl.d/50-x.conf(4,1): warning TA0203", skipped[2]);
    }

    [Fact]
    public void Only_conf_files_count_and_systemd_skips_hidden_files()
    {
        _tree.File("etc/sysctl.d/README", "net.core.somaxconn = 1")
            .File("etc/sysctl.d/50-x.conf.dpkg-old", "net.core.somaxconn = 2")
            .File("etc/sysctl.d/.hidden.conf", "net.core.somaxconn = 3")
            .Dir("etc/sysctl.d/40-dir.conf");

        var config = Merge();

        Assert.False(config.Values.ContainsKey("net.core.somaxconn"));
        Assert.Equal("3", config.ProcpsValues["net.core.somaxconn"].Value);
    }

    [Fact]
    public void A_merged_usr_lib_link_is_one_directory_not_a_shadowing_copy()
    {
        _tree.File("usr/lib/sysctl.d/50-pid-max.conf", "kernel.pid_max = 4194304").Link("lib", "usr/lib");

        var config = Merge();

        Assert.Equal("usr/lib/sysctl.d/50-pid-max.conf:1", config.Values["kernel.pid_max"].Source);
        Assert.Empty(config.Diagnostics);
    }

    [Fact]
    public void A_missing_root_gives_an_empty_configuration_not_an_exception()
    {
        var config = SysctlConfigMerger.Merge(new RootFileSystem(Path.Combine(_tree.Root, "absent")), ["net.core.somaxconn"]);

        Assert.Empty(config.Values);
        Assert.Empty(config.Files);
    }
}
