using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Sosreport;
using TuneAdvisor.Tests.Formats;

namespace TuneAdvisor.Tests.Sources.Sosreport;

/// <summary>The corpus sosreport (RHEL 8 OpenShift master) read in place through <see cref="SosreportReader"/>.</summary>
public sealed class SosreportReaderTests
{
    private static string CaseDir => Path.Combine(RepoPaths.Corpus!, "sos-coreos-rhel8-master1");

    private static (SystemSnapshot Snapshot, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics) Read() =>
        SosreportReader.Read(CaseDir, new FixedTime(DateTimeOffset.Parse("2019-09-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    [CorpusFact]
    public void Detects_the_sosreport_and_not_a_case_without_sos_commands()
    {
        Assert.True(SosreportReader.IsSosreport(CaseDir));
        Assert.False(SosreportReader.IsSosreport(Path.Combine(RepoPaths.Corpus!, "node-exporter-fixture-procnet")));
    }

    [CorpusFact]
    public void Reads_sysctls_kernel_and_counters_with_their_provenance()
    {
        var (s, _) = Read();
        Assert.Equal(SnapshotSource.Sosreport, s.Source.Kind);
        Assert.Equal("4.18.0-80.11.2.el8_0.x86_64", s.Host.Kernel);
        Assert.Equal("sos_commands/kernel/uname_-a:1", s.Host.KernelSource);
        Assert.Equal("localhost.localdomain", s.Host.Hostname);
        Assert.Equal(new SysctlEntry("128", "sos_commands/kernel/sysctl_-a:" + LineOf("sysctl_-a", "net.core.somaxconn =")), s.Sysctls["net.core.somaxconn"]);
        Assert.Equal("32768 60999", s.Sysctls["net.ipv4.ip_local_port_range"].Value);
        Assert.Equal(975, s.Sysctls.Count);
        // proc/net/snmp (286018) wins over `netstat -s` (286045): exact names, nothing omitted
        Assert.Equal(286018, s.Counters["Tcp.OutSegs"]);
        Assert.Equal(441, s.Counters["Tcp.RetransSegs"]);
        Assert.Equal(0, s.Counters["TcpExt.ListenOverflows"]);
        Assert.Equal(0, s.Counters["TcpExt.ListenDrops"]);
        Assert.Null(s.Deltas);
    }

    [CorpusFact]
    public void Takes_sockets_from_ss_and_does_not_duplicate_the_netstat_rows()
    {
        var (s, diagnostics) = Read();
        var tcp = s.Listeners.Where(l => l.Protocol == "tcp").ToList();
        Assert.Equal(15, tcp.Count);
        Assert.All(tcp, l => Assert.StartsWith("sos_commands/networking/ss_-peaonmi:", l.Source));
        Assert.All(tcp, l => Assert.Equal(128, l.SendQ));
        Assert.All(tcp, l => Assert.Equal(0, l.RecvQ));
        Assert.Equal(8, s.Listeners.Count(l => l.Protocol == "udp"));
        Assert.Equal(13, s.Connections.Count(c => c.Protocol == "tcp" && c.State == "ESTAB"));
        Assert.Equal(16, s.Listeners.Count(l => l.Protocol == "unix"));   // 15 tcp + 8 udp + 16 unix + 13 ESTAB = the 52 netstat rows
        Assert.DoesNotContain(s.Connections, c => c.Source.Contains("netstat", StringComparison.Ordinal));
        var etcdPeer = Assert.Single(tcp, l => l.Local == "*:2380");
        Assert.Equal(326, etcdPeer.Drops);
        Assert.Equal([new ProcessRef(1472, "etcd", 3)], etcdPeer.Processes.ToArray());
        Assert.Equal(27067UL, etcdPeer.Inode);
        Assert.Contains(diagnostics, d => d.Id == KnownDiagnostics.InputNote.Id && d.Span.Path == "sos_commands/networking/netstat_-W_-neopa"
            && d.Message.StartsWith("52 sockets are also listed by ss", StringComparison.Ordinal));
    }

    [CorpusFact]
    public void Claims_what_a_single_sosreport_can_tell_and_nothing_more()
    {
        var (s, diagnostics) = Read();
        Assert.Equal(
            [SnapshotCapability.Sysctls, SnapshotCapability.Listeners, SnapshotCapability.ListenerBacklog, SnapshotCapability.Connections,
             SnapshotCapability.TcpInfo, SnapshotCapability.Counters, SnapshotCapability.Interfaces],
            s.Source.Capabilities);
        Assert.Equal(340494L, s.Interfaces.Single(i => i.Name == "eth0").RxPackets);
        Assert.Equal(0L, s.Gauges["sockstat.TCP.tw"]);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= Severity.Warning);
    }

    [CorpusFact]
    public void The_snapshot_saves_and_loads_as_json()
    {
        var (s, _) = Read();
        var json = SnapshotJson.Serialize(s);
        var bag = new DiagnosticBag();
        var loaded = SnapshotJson.Deserialize(json, "saved.json", bag);
        Assert.Equal(0, bag.Count);
        Assert.Equal(json, SnapshotJson.Serialize(loaded!));
        Assert.Contains("\"source\":\"sos_commands/networking/ss_-peaonmi:", json, StringComparison.Ordinal);
    }

    private static int LineOf(string file, string start) =>
        File.ReadAllLines(Path.Combine(CaseDir, "sos_commands", "kernel", file)).ToList().FindIndex(l => l.StartsWith(start, StringComparison.Ordinal)) + 1;
}
