using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Sosreport;
using TuneAdvisor.Tests.Formats;

namespace TuneAdvisor.Tests.Sources.Sosreport;

/// <summary>
/// A sosreport laid out in a temporary folder from this machine's captures: sysctl.d merging through the seam,
/// nstat's flags from sos's file name, and per-process proc/&lt;pid&gt;/net copies.
/// </summary>
public sealed class SosreportLayoutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-sos-").FullName;
    private static readonly FixedTime Time = new(DateTimeOffset.UnixEpoch);

    public SosreportLayoutTests()
    {
        Put("sos_commands/kernel/sysctl_-a", CaptureFiles.Text("sysctl_-a.txt"));
        Put("sos_commands/kernel/uname_-a", CaptureFiles.Text("uname_-a.txt"));
        Put("sos_commands/networking/ss_-peaonmi", CaptureFiles.Text("ss_-peaonmi.txt"));
        Put("sos_commands/networking/nstat_-zas", CaptureFiles.Text("nstat_-az.txt"));
        Put("sos_commands/networking/netstat_-agn", "IPv6/IPv4 Group Memberships\nInterface       RefCnt Group\n--------------- ------ ---------------------\nlo              1      224.0.0.1\n");
        Put("proc/net/netstat", CaptureFiles.Text("proc_net_netstat.txt"));
        Put("proc/4242/net/netstat", CaptureFiles.Text("proc_net_netstat.txt").Replace("TcpExt: 0", "TcpExt: 7", StringComparison.Ordinal));
        Put("etc/sysctl.d/60-backlog.conf", "# raised for the web tier\nnet.core.somaxconn = 8192\n");
        Put("proc/net/softnet_stat", CaptureFiles.Text("proc_net_softnet_stat.txt"));
        Put("proc/softirqs", CaptureFiles.Text("softirqs/proc_softirqs.txt"));
    }

    private void Put(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Sysctl_d_files_are_merged_through_the_default_seam()
    {
        var (s, _) = SosreportReader.Read(_dir, Time);
        var somaxconn = s.Sysctls["net.core.somaxconn"];
        Assert.Equal("4096", somaxconn.Value);
        Assert.Equal(new SysctlConfigured("8192", "etc/sysctl.d/60-backlog.conf:2"), somaxconn.Configured);
    }

    [Fact]
    public void The_seam_takes_another_reader_or_none()
    {
        var calls = new List<string>();
        SosreportReader.Read(_dir, Time, new SosreportOptions { SysctlConfiguration = (root, _) => calls.Add(root) });
        Assert.Equal([_dir], calls);
        var (s, diagnostics) = SosreportReader.Read(_dir, Time, new SosreportOptions { SysctlConfiguration = null });
        Assert.Null(s.Sysctls["net.core.somaxconn"].Configured);
        Assert.Contains(diagnostics, d => d.Message.StartsWith("the sosreport holds sysctl configuration files, but no sysctl.d reader", StringComparison.Ordinal));
    }

    [Fact]
    public void Sos_nstat_zas_is_read_as_totals_and_unknown_sos_files_are_only_noted()
    {
        var (s, diagnostics) = SosreportReader.Read(_dir, Time);
        Assert.Null(s.Deltas);
        Assert.DoesNotContain(SnapshotCapability.Rates, s.Source.Capabilities);
        Assert.Equal((33L, 12L), (s.Counters["Tcp.InSegs"], s.Counters["Ip6.InReceives"]));   // from nstat_-zas: no proc/net/snmp here
        Assert.DoesNotContain(diagnostics, d => d.Message.StartsWith("nstat prints totals", StringComparison.Ordinal));
        var agn = Assert.Single(diagnostics, d => d.Span.Path == "sos_commands/networking/netstat_-agn");
        Assert.Equal(Severity.Warning, agn.Severity);   // skipped with a warning naming it; the rest of the sosreport is read
    }

    [Fact]
    public void The_hosts_proc_net_wins_and_other_namespaces_are_noted()
    {
        var (s, diagnostics) = SosreportReader.Read(_dir, Time);
        Assert.Equal(12, s.Counters["TcpExt.ListenOverflows"]);
        Assert.Equal(0, s.Counters["TcpExt.SyncookiesSent"]);
        Assert.Contains(diagnostics, d => d.Span.Path == "proc/4242/net" && d.Message == "proc/4242/net hold other processes' network namespace copies; proc/net was read");
        Assert.Contains("proc/net/netstat", s.Source.Inputs);
        Assert.DoesNotContain("proc/4242/net/netstat", s.Source.Inputs);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Proc_softirqs_puts_net_rx_and_net_tx_on_the_softnet_cpus()
    {
        var (s, diagnostics) = SosreportReader.Read(_dir, Time);
        Assert.Equal([(0, 101841L, 311L), (1, 271263L, 358L)], s.Softnet.Select(c => (c.Cpu, c.NetRx!.Value, c.NetTx!.Value)));
        Assert.All(s.Softnet, c => Assert.NotNull(c.Processed));
        Assert.Contains(SnapshotCapability.Softirqs, s.Source.Capabilities);
        Assert.Contains(SnapshotCapability.Softnet, s.Source.Capabilities);
        Assert.Contains("proc/softirqs", s.Source.Inputs);
        Assert.DoesNotContain(diagnostics, d => d.Span.Path.Contains("softirqs", StringComparison.Ordinal));
    }
}
