using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>`netstat -s`, `nstat` and /proc/net counter copies captured in the scenario namespace.</summary>
public sealed class CounterParserTests
{
    private static string Pick(SampleBuilder s, params string[] keys) =>
        string.Join(' ', keys.Select(k => $"{k}={(s.Counters.TryGetValue(k, out var v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}"));

    [Fact]
    public void Netstat_s_wordings_map_to_mib_names()
    {
        var s = CaptureRender.Parse("netstat_-s.txt");
        Assert.Equal("Ip.Forwarding=2 Ip.InReceives=34 Ip.OutRequests=34 Ip.OutTransmits=34 Icmp.InMsgs=0 Icmp.OutErrors=0",
            Pick(s, "Ip.Forwarding", "Ip.InReceives", "Ip.OutRequests", "Ip.OutTransmits", "Icmp.InMsgs", "Icmp.OutErrors"));
        Assert.Equal("Tcp.ActiveOpens=9 Tcp.PassiveOpens=6 Tcp.CurrEstab=12 Tcp.InSegs=33 Tcp.OutSegs=27 Tcp.RetransSegs=6 Tcp.OutRsts=0",
            Pick(s, "Tcp.ActiveOpens", "Tcp.PassiveOpens", "Tcp.CurrEstab", "Tcp.InSegs", "Tcp.OutSegs", "Tcp.RetransSegs", "Tcp.OutRsts"));
        Assert.Equal("Udp.OutDatagrams=1 Udp.RcvbufErrors=0", Pick(s, "Udp.OutDatagrams", "Udp.RcvbufErrors"));
        Assert.Equal("TcpExt.ListenOverflows=9 TcpExt.ListenDrops=9 TcpExt.TCPHPHits=0 TcpExt.TCPPureAcks=8 TcpExt.TCPHPAcks=1 TcpExt.TCPLostRetransmit=3 TcpExt.TCPTimeouts=6 TcpExt.TcpTimeoutRehash=6",
            Pick(s, "TcpExt.ListenOverflows", "TcpExt.ListenDrops", "TcpExt.TCPHPHits", "TcpExt.TCPPureAcks", "TcpExt.TCPHPAcks", "TcpExt.TCPLostRetransmit", "TcpExt.TCPTimeouts", "TcpExt.TcpTimeoutRehash"));
        Assert.Equal("IpExt.InOctets=53012 IpExt.InNoECTPkts=34", Pick(s, "IpExt.InOctets", "IpExt.InNoECTPkts"));
        // net-tools leaves zero TcpExt counters out: with the TcpExt section fully understood they are 0, not unknown
        Assert.Equal("TcpExt.TCPReqQFullDrop=0 TcpExt.SyncookiesSent=0 TcpExt.TCPBacklogDrop=0",
            Pick(s, "TcpExt.TCPReqQFullDrop", "TcpExt.SyncookiesSent", "TcpExt.TCPBacklogDrop"));
        Assert.Empty(s.Notes);
        Assert.Equal([SnapshotCapability.Counters], s.Capabilities);
    }

    [Fact]
    public void Netstat_s_in_german_reads_histogram_titles_by_position()
    {
        var s = CaptureRender.Parse("netstat_-s_de.txt");
        Assert.Equal("Tcp.RetransSegs=12 TcpExt.ListenOverflows=15 Icmp.OutMsgs=0", Pick(s, "Tcp.RetransSegs", "TcpExt.ListenOverflows", "Icmp.OutMsgs"));
        Assert.DoesNotContain(NoteDiagnostics.FromNotes(s.Notes), d => d.Severity >= Severity.Warning);
    }

    [Fact]
    public void Netstat_s_table_has_both_net_tools_spellings()
    {
        Assert.Equal("Tcp.RetransSegs", NetstatStatisticsTable.Wordings[("Tcp", "%llu segments retransmited")]);
        Assert.Equal("Tcp.RetransSegs", NetstatStatisticsTable.Wordings[("Tcp", "%llu segments retransmitted")]);
        Assert.Equal("TcpExt.ListenOverflows", NetstatStatisticsTable.Wordings[("TcpExt", "%llu times the listen queue of a socket overflowed")]);
        Assert.Equal("Icmp.OutDestUnreachs", NetstatStatisticsTable.Wordings[("Icmp>", "destination unreachable: %llu")]);
    }

    [Fact]
    public void Nstat_az_is_read_as_totals_when_nothing_says_otherwise()
    {
        var s = CaptureRender.Parse("nstat_-az.txt");
        Assert.Equal("TcpExt.ListenOverflows=9 Tcp.InSegs=33 Tcp.RetransSegs=6 TcpExt.TCPReqQFullDrop=0 Ip6.InReceives=12",
            Pick(s, "TcpExt.ListenOverflows", "Tcp.InSegs", "Tcp.RetransSegs", "TcpExt.TCPReqQFullDrop", "Ip6.InReceives"));
        Assert.Empty(s.CounterDeltas);
        Assert.Equal(393, s.Counters.Count);
        var note = Assert.Single(NoteDiagnostics.FromNotes(s.Notes));
        Assert.StartsWith("nstat prints totals (-a, or a first run) and increments (later runs) alike; read as totals", note.Message);
    }

    [Fact]
    public void Nstat_a_without_z_leaves_absent_counters_unknown()
    {
        var s = CaptureRender.Parse("nstat_-a.txt");
        Assert.Equal("TcpExt.ListenOverflows=9 TcpExt.TCPReqQFullDrop=?", Pick(s, "TcpExt.ListenOverflows", "TcpExt.TCPReqQFullDrop"));
        Assert.Contains(NoteDiagnostics.FromNotes(s.Notes), d => d.Message.StartsWith("no zero values, so nstat ran without -z", StringComparison.Ordinal));
    }

    [Fact]
    public void Nstat_increments_go_to_counter_deltas_with_the_delta_hint()
    {
        var s = CaptureRender.Parse("nstat_delta.txt", new NstatParser(NstatMode.Delta));
        Assert.Empty(s.Counters);
        Assert.Equal((7L, 7L, 6L), (s.CounterDeltas["TcpExt.ListenOverflows"], s.CounterDeltas["Tcp.InSegs"], s.CounterDeltas["Tcp.RetransSegs"]));
        Assert.Null(s.DeltaIntervalSeconds);
    }

    [Fact]
    public void Nstat_overflow_marker_means_increments_whatever_the_hint()
    {
        var auto = CaptureRender.Parse("nstat_overflow.txt");
        Assert.Empty(auto.Counters);
        Assert.Equal((0L, 22L), (auto.CounterDeltas["Tcp.InSegs"], auto.CounterDeltas["TcpExt.ListenOverflows"]));
        var hinted = CaptureRender.Parse("nstat_overflow.txt", new NstatParser(NstatMode.Absolute));
        Assert.Empty(hinted.Counters);
        Assert.Contains(NoteDiagnostics.FromNotes(hinted.Notes), d => d.Message.StartsWith("a line says '(overflow)'", StringComparison.Ordinal));
    }

    [Fact]
    public void Proc_net_copies_are_read_by_header_names()
    {
        var netstat = CaptureRender.Parse("proc_net_netstat.txt");
        Assert.Equal("TcpExt.ListenOverflows=12 TcpExt.ListenDrops=12 TcpExt.TCPReqQFullDrop=0", Pick(netstat, "TcpExt.ListenOverflows", "TcpExt.ListenDrops", "TcpExt.TCPReqQFullDrop"));
        var snmp = CaptureRender.Parse("proc_net_snmp.txt");
        Assert.Equal("Tcp.RetransSegs=9 Tcp.OutSegs=27 Tcp.MaxConn=-1", Pick(snmp, "Tcp.RetransSegs", "Tcp.OutSegs", "Tcp.MaxConn"));
        var snmp6 = CaptureRender.Parse("proc_net_snmp6.txt");
        Assert.Equal("Ip6.InReceives=12 Ip6.OutRequests=14", Pick(snmp6, "Ip6.InReceives", "Ip6.OutRequests"));
    }
}
