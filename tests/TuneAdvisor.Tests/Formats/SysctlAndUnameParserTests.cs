using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>`sysctl -a` (as root and as nobody), `sysctl KEY…` and `uname` captured in the scenario namespace.</summary>
public sealed class SysctlAndUnameParserTests
{
    [Fact]
    public void Sysctl_a_values_are_normalised_and_keep_their_line()
    {
        var s = new TuneAdvisor.Sampling.SampleBuilder(DateTimeOffset.UnixEpoch);
        Assert.Equal(1079, SysctlOutputParser.Read(CaptureFiles.Text("sysctl_-a.txt"), "sysctl_-a.txt", s));
        Assert.Equal(1077, s.Sysctls.Count);   // kernel.core_modes is printed on three lines: one value
        Assert.Equal(new SysctlEntry("file pipe socket", "sysctl_-a.txt:73"), s.Sysctls["kernel.core_modes"]);
        Assert.Equal(new SysctlEntry("4096 131072 33554432", "sysctl_-a.txt:530"), s.Sysctls["net.ipv4.tcp_rmem"]);
        Assert.Equal(new SysctlEntry("4096", "sysctl_-a.txt:204"), s.Sysctls["net.core.somaxconn"]);
        Assert.Equal("32768 60999", s.Sysctls["net.ipv4.ip_local_port_range"].Value);
        Assert.Empty(s.Notes);
        Assert.Equal([SnapshotCapability.Sysctls], s.Capabilities);
    }

    [Fact]
    public void Sysctl_permission_denied_lines_are_notes_not_keys()
    {
        var s = CaptureRender.Parse("sysctl_-a_nobody.txt");
        Assert.Equal(1071, s.Sysctls.Count);
        var denied = NoteDiagnostics.FromNotes(s.Notes);
        Assert.Equal(12, denied.Length);
        Assert.All(denied, d => Assert.Equal(KnownDiagnostics.PermissionDenied.Id, d.Id));
        Assert.Equal("sysctl_-a_nobody.txt(70,1): info TA0205: kernel.cad_pid: permission denied; recorded as unknown", denied[0].ToString());
        Assert.DoesNotContain(s.Sysctls.Keys, k => k.StartsWith("sysctl", StringComparison.Ordinal));
    }

    [Fact]
    public void Sysctl_of_named_keys()
    {
        var s = CaptureRender.Parse("sysctl_keys.txt");
        Assert.Equal(["net.core.somaxconn=4096@sysctl_keys.txt:1", "net.ipv4.ip_local_port_range=32768 60999@sysctl_keys.txt:3", "net.ipv4.tcp_rmem=4096 131072 33554432@sysctl_keys.txt:2"],
            s.Sysctls.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value.Value}@{e.Value.Source}"));
    }

    [Fact]
    public void Uname_a_and_r_give_the_kernel_release()
    {
        var a = CaptureRender.Parse("uname_-a.txt");
        Assert.Equal(("6.18.44-fc-v782", "uname_-a.txt:1", "vm"), (a.Host.Kernel, a.Host.KernelSource, a.Host.Hostname));
        var r = CaptureRender.Parse("uname_-r.txt");
        Assert.Equal(("6.18.44-fc-v782", null), (r.Host.Kernel, r.Host.Hostname));
    }
}
