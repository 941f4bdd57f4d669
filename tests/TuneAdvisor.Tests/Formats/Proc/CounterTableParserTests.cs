using TuneAdvisor.Formats.Proc;

namespace TuneAdvisor.Tests.Formats.Proc;

/// <summary>The existing netstat/snmp/snmp6 parser against this machine's own captures (kernel 6.18).</summary>
public class CounterTableParserTests
{
    private static ParsedCounters Parse(string capture, string file)
    {
        var path = TestFiles.PathOf("Proc", capture, file);
        return CounterTableParser.Parse(File.ReadAllText(path), path);
    }

    [Fact]
    public void Parses_netstat_of_a_network_namespace_and_of_the_host()
    {
        var ns = Parse("kernel-6.18-netns", "netstat");
        var host = Parse("kernel-6.18-host", "netstat");

        Assert.Empty(ns.Diagnostics);
        Assert.Empty(host.Diagnostics);
        Assert.Equal(135, ns.FieldCounts["TcpExt"]);
        Assert.Equal(1L, ns.Values["TcpExt.TW"]);
        Assert.Equal(3L, ns.Values["TcpExt.TCPOrigDataSent"]);
        Assert.Equal(8L, host.Values["TcpExt.TW"]);
        Assert.Equal(40L, host.Values["TcpExt.TCPHPAcks"]);
        Assert.Equal(2L, host.Values["TcpExt.TCPTimeouts"]);
        Assert.Contains("MPTcpExt.MPCapableSYNRX", ns.Values.Keys);
    }

    [Fact]
    public void Parses_snmp_with_the_signed_MaxConn()
    {
        var ns = Parse("kernel-6.18-netns", "snmp");
        var host = Parse("kernel-6.18-host", "snmp");

        Assert.Empty(ns.Diagnostics);
        Assert.Equal(-1L, ns.Values["Tcp.MaxConn"]);
        Assert.Equal(1L, ns.Values["Tcp.ActiveOpens"]);
        Assert.Equal(8L, ns.Values["Tcp.OutSegs"]);
        Assert.Equal(15L, ns.Values["Ip.InReceives"]);
        Assert.Equal(37L, host.Values["Tcp.ActiveOpens"]);
        Assert.Equal(3195L, host.Values["Tcp.OutSegs"]);
    }

    [Fact]
    public void Parses_every_line_of_snmp6()
    {
        var ns = Parse("kernel-6.18-netns", "snmp6");
        var host = Parse("kernel-6.18-host", "snmp6");
        int lines = File.ReadAllLines(TestFiles.PathOf("Proc", "kernel-6.18-host", "snmp6")).Count(l => l.Trim().Length > 0);

        Assert.Empty(ns.Diagnostics);
        Assert.Empty(host.Diagnostics);
        Assert.Equal(lines, host.Values.Count);
        Assert.Equal(13L, ns.Values["Ip6.InReceives"]);
        Assert.Equal(1L, ns.Values["Udp6.OutDatagrams"]);
        Assert.Equal(9L, host.Values["Icmp6.OutMsgs"]);
    }

    [Fact]
    public void A_value_cut_by_the_end_of_a_truncated_capture_is_unknown_not_a_prefix()
    {
        // Cut inside "1234": before the fix ListenOverflows was recorded as 12.
        var parsed = CounterTableParser.Parse("TcpExt: SyncookiesSent SyncookiesRecv ListenOverflows ListenDrops\nTcpExt: 0 5 12", "proc/net/netstat");

        Assert.Equal(5L, parsed.Values["TcpExt.SyncookiesRecv"]);
        Assert.False(parsed.Values.ContainsKey("TcpExt.ListenOverflows"));
        Assert.Equal("proc/net/netstat(2,1): warning TA0207: Input is truncated: 'TcpExt' has 4 names (line 1) but 3 values; the missing ones are unknown",
            Assert.Single(parsed.Diagnostics).ToString());
    }

    [Fact]
    public void A_short_last_line_that_ends_cleanly_keeps_every_value()
    {
        var parsed = CounterTableParser.Parse("TcpExt: SyncookiesSent SyncookiesRecv ListenOverflows ListenDrops\nTcpExt: 0 5 1234\n", "netstat");

        Assert.Equal(1234L, parsed.Values["TcpExt.ListenOverflows"]);
        Assert.False(parsed.Values.ContainsKey("TcpExt.ListenDrops"));
        Assert.Equal("TA0207", Assert.Single(parsed.Diagnostics).Id);
    }

    [Fact]
    public void A_non_number_on_a_short_last_line_is_reported()
    {
        var parsed = CounterTableParser.Parse("Tcp: RtoAlgorithm RtoMin RtoMax\nTcp: 1 x\n", "snmp");

        Assert.Equal(1L, parsed.Values["Tcp.RtoAlgorithm"]);
        Assert.Equal(["TA0207", "TA0203"], parsed.Diagnostics.Select(d => d.Id));
    }
}
