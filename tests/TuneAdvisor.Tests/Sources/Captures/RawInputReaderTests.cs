using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Captures;
using TuneAdvisor.Tests.Formats;

namespace TuneAdvisor.Tests.Sources.Captures;

/// <summary>Several captures (and a copied /proc/sys tree) read together into one raw snapshot.</summary>
public sealed class RawInputReaderTests
{
    private static readonly FixedTime Time = new(DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture));

    private static string[] Files(params string[] names) => names.Select(CaptureFiles.Path_).ToArray();

    [Fact]
    public void Ss_and_netstat_together_keep_ss_rows_once_and_proc_counters_win()
    {
        var (s, diagnostics) = RawInputReader.Read(
            Files("ss_-peaonmi.txt", "netstat_-neopa.txt", "netstat_-s.txt", "proc_net_netstat.txt", "proc_net_snmp.txt", "sysctl_-a.txt", "uname_-a.txt"), Time);
        Assert.Equal(SnapshotSource.Raw, s.Source.Kind);
        Assert.Equal(7, s.Listeners.Length);
        Assert.All(s.Listeners, l => Assert.Contains("ss_-peaonmi.txt:", l.Source, StringComparison.Ordinal));
        Assert.Equal(15, s.Connections.Length);
        Assert.All(s.Connections, c => Assert.Contains("ss_-peaonmi.txt:", c.Source, StringComparison.Ordinal));
        var tcp = s.Listeners.Where(l => l.Protocol == "tcp").ToList();
        Assert.Equal(["[fe80::1]%ta0:7000 0/16", "127.0.0.1:8080 0/128", "*:8081 0/32", "[::1]:8443 0/64", "127.0.0.1:9090 5/4"],   // by port
            tcp.Select(l => $"{l.Local} {l.RecvQ}/{l.SendQ}"));
        Assert.Contains(diagnostics, d => d.Message.StartsWith("22 sockets are also listed by ss", StringComparison.Ordinal));
        Assert.Equal(12, s.Counters["TcpExt.ListenOverflows"]);   // proc/net/netstat (12) over netstat -s (9)
        Assert.Equal(9, s.Counters["Tcp.RetransSegs"]);           // proc/net/snmp (9) over netstat -s (6)
        Assert.EndsWith("proc_net_netstat.txt", s.CounterSources!["TcpExt.ListenOverflows"], StringComparison.Ordinal);
        Assert.EndsWith("proc_net_snmp.txt", s.CounterSources!["Tcp.RetransSegs"], StringComparison.Ordinal);
        Assert.Equal(0, s.Counters["TcpExt.TCPReqQFullDrop"]);
        Assert.Equal("6.18.44-fc-v782", s.Host.Kernel);
        Assert.Equal("4096", s.Sysctls["net.core.somaxconn"].Value);
        Assert.Equal(
            [SnapshotCapability.Sysctls, SnapshotCapability.Listeners, SnapshotCapability.ListenerBacklog, SnapshotCapability.Connections,
             SnapshotCapability.TcpInfo, SnapshotCapability.Counters],
            s.Source.Capabilities);
        Assert.Null(s.Deltas);
        Assert.Equal(Time.GetUtcNow(), s.CapturedAt);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= Severity.Warning);
    }

    [Fact]
    public void Without_uname_the_kernel_and_host_name_come_from_kernel_osrelease_and_hostname_in_sysctl_output()
    {
        var (s, _) = RawInputReader.Read(Files("sysctl_-a.txt"), Time);
        Assert.Equal("6.18.44-fc-v782", s.Host.Kernel);
        Assert.EndsWith("sysctl_-a.txt:121", s.Host.KernelSource, StringComparison.Ordinal);
        Assert.Equal("vm", s.Host.Hostname);

        var (withUname, _) = RawInputReader.Read(Files("sysctl_-a.txt", "uname_-a.txt"), Time);
        Assert.EndsWith("uname_-a.txt:1", withUname.Host.KernelSource, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copied_proc_softirqs_joins_the_softnet_cpus_or_stands_alone()
    {
        var (both, diagnostics) = RawInputReader.Read(Files("proc_net_softnet_stat.txt", "softirqs/proc_softirqs.txt"), Time);
        Assert.Equal([(0, 101841L, 311L), (1, 271263L, 358L)], both.Softnet.Select(c => (c.Cpu, c.NetRx!.Value, c.NetTx!.Value)));
        Assert.All(both.Softnet, c => Assert.NotNull(c.Processed));
        Assert.Equal([SnapshotCapability.Softnet, SnapshotCapability.Softirqs], both.Source.Capabilities);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= Severity.Warning);

        var (alone, _) = RawInputReader.Read(Files("softirqs/grep_-E_CPU_NET_.txt"), Time);
        Assert.Equal([0, 1], alone.Softnet.Select(c => c.Cpu));
        Assert.All(alone.Softnet, c => Assert.Null(c.Processed));
        Assert.Equal([SnapshotCapability.Softirqs], alone.Source.Capabilities);
    }

    [Fact]
    public void Netstat_alone_gives_listeners_but_no_backlog()
    {
        var (s, _) = RawInputReader.Read(Files("netstat_-tanp.txt"), Time);
        Assert.Contains(SnapshotCapability.Listeners, s.Source.Capabilities);
        Assert.DoesNotContain(SnapshotCapability.ListenerBacklog, s.Source.Capabilities);
        Assert.All(s.Listeners, l => Assert.Null(l.SendQ));
    }

    [Fact]
    public void Nstat_increments_with_the_delta_hint_give_rates_without_an_interval()
    {
        var (s, _) = RawInputReader.Read(Files("nstat_delta.txt"), Time, InputParserRegistry.Create(NstatMode.Delta));
        Assert.Contains(SnapshotCapability.Rates, s.Source.Capabilities);
        Assert.Equal(7, s.Deltas!["TcpExt.ListenOverflows"]);
        Assert.Null(s.IntervalSeconds);
        Assert.Empty(s.Counters);
    }

    [Fact]
    public void A_folder_is_read_recursively_by_content_with_a_proc_sys_tree_and_an_unknown_file()
    {
        var dir = Directory.CreateTempSubdirectory("ta-raw-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "host", "commands"));
            File.Copy(CaptureFiles.Path_("ss_-ltnp.txt"), Path.Combine(dir, "host", "commands", "a"));
            File.Copy(CaptureFiles.Path_("uname_-r.txt"), Path.Combine(dir, "host", "b"));
            File.WriteAllText(Path.Combine(dir, "host", "notes.md"), "# what I saw\nthe server felt slow\n");
            CopyTree(Path.Combine(CaptureFiles.Directory, "proc_sys"), Path.Combine(dir, "sys-copy"));

            var (s, diagnostics) = RawInputReader.Read([dir], Time);
            Assert.Equal(5, s.Listeners.Length);
            Assert.Equal(Path.Combine(dir, "host", "commands", "a") + ":3", s.Listeners.Single(l => l.Port == 9090).Source);
            Assert.Equal("6.18.44-fc-v782", s.Host.Kernel);
            Assert.Equal(new SysctlEntry("4096 131072 33554432", Path.Combine(dir, "sys-copy", "net", "ipv4", "tcp_rmem")), s.Sysctls["net.ipv4.tcp_rmem"]);
            Assert.Equal("0", s.Sysctls["net.ipv4.conf.lo.rp_filter"].Value);
            Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);   // one unknown file in a folder does not stop the audit
            var unknown = Assert.Single(diagnostics, d => d.Severity == Severity.Warning);
            Assert.Equal($"{Path.Combine(dir, "host", "notes.md")}: warning TA0202: Not a known kind of input ({Path.Combine(dir, "host", "notes.md")}: no parser recognises its content; the file was skipped and the rest of the folder read)", unknown.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_path_and_an_empty_file_are_errors_and_the_rest_is_still_read()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var (s, diagnostics) = RawInputReader.Read([empty, "/nonexistent/ta-capture", CaptureFiles.Path_("uname_-a.txt")], Time);
            Assert.Equal("6.18.44-fc-v782", s.Host.Kernel);
            Assert.Equal(
                [$"/nonexistent/ta-capture: error TA0201: Cannot read input: /nonexistent/ta-capture: no such file or folder",
                 $"{empty}: error TA0202: Not a known kind of input ({empty}: the file is empty)"],
                diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(empty);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
