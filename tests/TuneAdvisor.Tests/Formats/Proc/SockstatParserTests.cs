using TuneAdvisor.Formats.Proc;

namespace TuneAdvisor.Tests.Formats.Proc;

public class SockstatParserTests
{
    [Fact]
    public void Parses_a_network_namespace_capture_into_gauges()
    {
        var path = TestFiles.PathOf("Proc", "kernel-6.18-netns", "sockstat");
        var parsed = SockstatParser.Parse(File.ReadAllText(path), path);

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(0L, parsed.Values["sockstat.sockets.used"]);
        Assert.Equal(1L, parsed.Values["sockstat.TCP.tw"]);
        Assert.Equal(21L, parsed.Values["sockstat.TCP.alloc"]);
        Assert.Equal(0L, parsed.Values["sockstat.FRAG.memory"]);
        Assert.Equal(5, parsed.FieldCounts["sockstat.TCP"]);
        Assert.Equal(12, parsed.Values.Count);
    }

    [Fact]
    public void Parses_a_host_capture_and_infers_sockstat6_from_the_content()
    {
        var sockstat = TestFiles.PathOf("Proc", "kernel-6.18-host", "sockstat");
        var sockstat6 = TestFiles.PathOf("Proc", "kernel-6.18-host", "sockstat6");

        var v4 = SockstatParser.Parse(File.ReadAllText(sockstat), sockstat);
        var v6 = SockstatParser.Parse(File.ReadAllText(sockstat6), "any-name");

        Assert.Equal(15L, v4.Values["sockstat.sockets.used"]);
        Assert.Equal(1L, v4.Values["sockstat.TCP.inuse"]);
        Assert.Equal(
            ["sockstat6.FRAG6.inuse", "sockstat6.FRAG6.memory", "sockstat6.RAW6.inuse", "sockstat6.TCP6.inuse", "sockstat6.UDP6.inuse", "sockstat6.UDPLITE6.inuse"],
            v6.Values.Keys);
        Assert.Empty(v6.Diagnostics);
    }

    [Fact]
    public void An_explicit_prefix_wins()
    {
        var parsed = SockstatParser.Parse("TCP6: inuse 17\n", "x", "sockstat");
        Assert.Equal(17L, parsed.Values["sockstat.TCP6.inuse"]);
    }

    [Fact]
    public void A_dangling_name_on_the_last_line_is_a_truncation()
    {
        var parsed = SockstatParser.Parse("sockets: used 229\nTCP: inuse 35 orphan 0 tw", "proc/net/sockstat");

        Assert.Equal(0L, parsed.Values["sockstat.TCP.orphan"]);
        Assert.False(parsed.Values.ContainsKey("sockstat.TCP.tw"));
        Assert.Equal("proc/net/sockstat(2,1): warning TA0207: Input is truncated: 'TCP' ends with the name 'tw' and no value; it is unknown",
            Assert.Single(parsed.Diagnostics).ToString());
    }

    [Fact]
    public void Garbage_lines_and_values_are_skipped_with_file_and_line()
    {
        var parsed = SockstatParser.Parse("sockets: used 3\nnot a sockstat line\nUDP: inuse x mem 62\n", "sockstat");

        Assert.Equal(3L, parsed.Values["sockstat.sockets.used"]);
        Assert.Equal(62L, parsed.Values["sockstat.UDP.mem"]);
        Assert.False(parsed.Values.ContainsKey("sockstat.UDP.inuse"));
        Assert.Equal(
        [
            "sockstat(2,1): warning TA0203: Line skipped: not a 'SECTION: name value …' line",
            "sockstat(3,1): warning TA0203: Line skipped: 'UDP.inuse' has a value that is not an integer: 'x'",
        ], parsed.Diagnostics.Select(d => d.ToString()));
    }
}
