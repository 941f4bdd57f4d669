using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>`netstat -i`, `ifconfig -s` (net-tools 2.10) and `ip -s link` in its variants (iproute2 6.1) captured here, plus older layouts from the tools' source.</summary>
public sealed class InterfaceCounterParserTests
{
    private static SampleBuilder Parse<T>(string text, string name = "capture.txt") where T : IInputParser
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        Assert.IsType<T>(InputParserRegistry.Default.Parse(text, name, sample));
        return sample;
    }

    private static string Capture(string folder, string name) => CaptureFiles.Text(Path.Combine(folder, name));

    private static IEnumerable<Diagnostic> Problems(SampleBuilder s) => NoteDiagnostics.FromNotes(s.Notes).Where(d => d.Severity >= Severity.Warning);

    [Theory]
    [InlineData("netstat_-i.txt")]
    [InlineData("netstat_-ia.txt")]
    [InlineData("netstat_-i_de.txt")]
    [InlineData("ifconfig_-s.txt")]
    public void Netstat_i_rows_fill_packets_drops_and_fifo(string name)
    {
        var s = Parse<NetstatInterfaceParser>(Capture("netstat-i", name), name);
        Assert.Equal(["lo", "veth-ta-long15"], s.Interfaces.Select(i => i.Name));
        var veth = s.Interfaces[1];
        Assert.Equal((1500, 30L, 0L, 0L, 0L, 30L, 0L, 0L, 0L), (veth.Mtu, veth.RxPackets, veth.RxErrors, veth.RxDropped, veth.RxFifo, veth.TxPackets, veth.TxErrors, veth.TxDropped, veth.TxFifo));
        Assert.Null(veth.RxBytes);   // not in this table: unknown, not 0
        Assert.Equal(65536, s.Interfaces[0].Mtu);
        Assert.Empty(Problems(s));
        Assert.Equal([SnapshotCapability.Interfaces], s.Capabilities);
    }

    [Fact]
    public void Old_layout_with_a_metric_and_a_wide_counter_is_read_by_position()
    {
        // net-tools before 2.0 ("%-5.5s %5d %-2d %8llu …"): a 10-digit RX-OK pushes the rest of the row right.
        const string text = "Kernel Interface table\n"
            + "Iface   MTU Met   RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n"
            + "eth0   1500 0   13163291510      2      7 0         8812      0      0      0 BMRU\n"
            + "lo    16436 0        10      0      0      0       10      0      0      0 LRU\n";
        var s = Parse<NetstatInterfaceParser>(text);
        var eth0 = s.Interfaces.Single(i => i.Name == "eth0");
        Assert.Equal((13163291510L, 2L, 7L, 0L, 8812L), (eth0.RxPackets!.Value, eth0.RxErrors!.Value, eth0.RxDropped!.Value, eth0.RxFifo!.Value, eth0.TxPackets!.Value));
        var rows = NetstatInterfaceTable.Parse([.. InputLine.Split(text)], "x").Items;
        Assert.Equal((0, "BMRU"), (rows[0].Metric!.Value, rows[0].Flags));
        Assert.Empty(Problems(s));
    }

    [Fact]
    public void A_row_without_statistics_keeps_its_mtu_and_unknown_counters()
    {
        const string text = "Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n"
            + "eth0             1500      100      0      0 0           200      0      0      0 BMRU\n"
            + "dummy0           1500     - no statistics available -                         BO\n";
        var s = Parse<NetstatInterfaceParser>(text);
        var dummy = s.Interfaces.Single(i => i.Name == "dummy0");
        Assert.Equal((1500, (long?)null, (long?)null), (dummy.Mtu, dummy.RxPackets, dummy.TxDropped));
        Assert.Contains(NoteDiagnostics.FromNotes(s.Notes), d => d.Span.Line == 3 && d.Message.Contains("no statistics", StringComparison.Ordinal));
    }

    [Fact]
    public void Prompt_crlf_trailing_spaces_and_indentation_are_tolerated()
    {
        var text = "[root@host ~]# netstat -i\r\n" + string.Join("\r\n", Capture("netstat-i", "netstat_-i.txt").Split('\n').Select(l => l.Length > 0 ? "    " + l + "  " : l));
        var s = Parse<NetstatInterfaceParser>(text);
        Assert.Equal(30, s.Interfaces.Single(i => i.Name == "veth-ta-long15").RxPackets);
        Assert.Empty(Problems(s));
        Assert.Contains(NoteDiagnostics.FromNotes(s.Notes), d => d.Span.Line == 1 && d.Message.Contains("echoed command", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ip_-s_link.txt")]
    [InlineData("ip_-s_-d_link.txt")]
    [InlineData("ip_-s_link_show_lo.txt")]
    public void Ip_s_link_reads_the_counters_by_their_header_names(string name)
    {
        var s = Parse<IpLinkStatsParser>(Capture("ip-link", name), name);
        var lo = s.Interfaces[0];
        Assert.Equal(("lo", 840L, 10L, 0L, 0L, 840L, 10L), (lo.Name, lo.RxBytes!.Value, lo.RxPackets!.Value, lo.RxDropped!.Value, lo.Statistics["rx_missed_errors"], lo.TxBytes!.Value, lo.TxPackets!.Value));
        Assert.Equal((65536, "UNKNOWN", 1000L), (lo.Mtu!.Value, lo.OperState, lo.TxQueueLen!.Value));
        Assert.Null(lo.RxFrame);   // needs -s -s
        Assert.Equal($"{name}:1", lo.Source);
        Assert.Empty(Problems(s));
        if (name != "ip_-s_link_show_lo.txt")
        {
            var veth = s.Interfaces.Single(i => i.Name == "veth-ta-long15");   // "veth-ta-long15@if2": the peer is not part of the name
            Assert.Equal((21580L, 30L, "UP", 1500), (veth.RxBytes!.Value, veth.TxPackets!.Value, veth.OperState, veth.Mtu!.Value));
        }
    }

    [Fact]
    public void Ip_s_s_link_adds_the_error_breakdown_and_the_proc_net_dev_sums()
    {
        var s = Parse<IpLinkStatsParser>(Capture("ip-link", "ip_-s_-s_link.txt"));
        var veth = s.Interfaces.Single(i => i.Name == "veth-ta-long15");
        Assert.Equal((0L, 0L, 0L, 0L), (veth.RxFrame!.Value, veth.RxFifo!.Value, veth.TxCarrier!.Value, veth.TxFifo!.Value));
        Assert.Equal(0, veth.Statistics["rx_crc_errors"]);
        Assert.Equal(0, veth.Statistics["tx_heartbeat_errors"]);
        Assert.False(veth.Statistics.ContainsKey("carrier_changes"));   // transns is not a statistics counter
        Assert.Empty(Problems(s));
    }

    [Fact]
    public void Old_iproute2_overrun_layout_leaves_drop_sum_unknown_until_missed_is_printed()
    {
        // iproute2 before 5.10: "overrun" (rx_over_errors) where "missed" is now; missed only with -s -s.
        const string text = "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP mode DEFAULT group default qlen 1000\n"
            + "    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n"
            + "    RX: bytes  packets  errors  dropped overrun mcast   \n"
            + "    9876543210 1234567  3       17      2       0      \n"
            + "    TX: bytes  packets  errors  dropped carrier collsns \n"
            + "    123456     789      0       0       0       0      \n";
        var eth0 = Assert.Single(Parse<IpLinkStatsParser>(text).Interfaces);
        Assert.Equal((9876543210L, 17L, 2L), (eth0.RxBytes!.Value, eth0.Statistics["rx_dropped"], eth0.Statistics["rx_over_errors"]));
        Assert.Null(eth0.RxDropped);   // /proc/net/dev's drop also counts rx_missed_errors, which this output lacks
        var full = Assert.Single(Parse<IpLinkStatsParser>(text + "    RX errors: length   crc     frame   fifo    missed\n               0        0       0       0       5      \n").Interfaces);
        Assert.Equal(22, full.RxDropped);
    }

    [Fact]
    public void Human_readable_values_are_unknown_with_a_note()
    {
        var s = Parse<IpLinkStatsParser>(Capture("ip-link", "ip_-s_-h_link.txt"));
        var veth = s.Interfaces.Single(i => i.Name == "veth-ta-long15");
        Assert.Null(veth.RxBytes);
        Assert.Equal(30, veth.RxPackets);
        Assert.Contains(NoteDiagnostics.FromNotes(s.Notes), d => d.Message.Contains("'21.6k'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cut_last_value_line_keeps_what_is_certain()
    {
        var text = Capture("ip-link", "ip_-s_link_show_lo.txt").TrimEnd();
        text = text[..(text.LastIndexOf("  0", StringComparison.Ordinal) - 3)];   // cut inside the TX values
        var lo = Assert.Single(Parse<IpLinkStatsParser>(text).Interfaces);
        Assert.Equal(840, lo.RxBytes);
        Assert.Null(lo.TxCollisions);
        Assert.Contains(NoteDiagnostics.FromNotes(Parse<IpLinkStatsParser>(text).Notes), d => d.Id == KnownDiagnostics.TruncatedInput.Id);
    }

    [Fact]
    public void A_lost_interface_line_never_gives_the_next_interfaces_counters_to_the_one_before()
    {
        // ip_-s_link.txt with line 7, "3: veth-ta-long15@if2: <…>", deleted: its link/ether and statistics follow lo's.
        var lines = Capture("ip-link", "ip_-s_link.txt").Split('\n').ToList();
        Assert.StartsWith("3: veth-ta-long15", lines[6], StringComparison.Ordinal);
        lines.RemoveAt(6);
        var s = Parse<IpLinkStatsParser>(string.Join('\n', lines));
        var lo = Assert.Single(s.Interfaces);
        Assert.Equal((840L, 10L, 840L), (lo.RxBytes!.Value, lo.RxPackets!.Value, lo.TxBytes!.Value));
        Assert.Contains(Problems(s), d => d.Span.Line == 7 && d.Message.Contains("second 'link/ether' under lo", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interface_whose_statistics_the_paste_lacks_is_noted_where_its_lines_end()
    {
        var text = string.Join('\n', Capture("ip-link", "ip_-s_link_show_lo.txt").Split('\n').Take(4)) + "\n";   // up to the RX values
        var s = Parse<IpLinkStatsParser>(text);
        var lo = Assert.Single(s.Interfaces);
        Assert.Equal(840, lo.RxBytes);
        Assert.Null(lo.TxBytes);
        Assert.Contains(NoteDiagnostics.FromNotes(s.Notes), d => d.Span.Line == 4 && d.Message.Contains("lo has no TX statistics", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(183, "TX-OVR")]                    // inside the last number: the row had all but its flags
    [InlineData(150, "RX-DRP, RX-OVR, TX-OK")]     // inside the counters
    public void A_cut_netstat_i_row_is_read_by_the_tables_layout_not_its_count_of_numbers(int cut, string unknown)
    {
        // The metric column makes a complete row 10 numbers; a cut row of 9 must not be read as the 9-number layout.
        const string text = "Kernel Interface table\n"
            + "Iface       MTU Met    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n"
            + "em1        1500   0 135050063      0      0      0 134309606      0      0      0 BMRU\n";
        var s = Parse<NetstatInterfaceParser>(text[..cut]);
        var em1 = Assert.Single(s.Interfaces);
        Assert.Equal((1500, 135050063L, 0L), (em1.Mtu!.Value, em1.RxPackets!.Value, em1.RxErrors!.Value));
        Assert.Contains(Problems(s), d => d.Id == KnownDiagnostics.TruncatedInput.Id && d.Span.Line == 3 && d.Message.Contains(unknown, StringComparison.Ordinal));
        if (cut == 183)
            Assert.Equal((134309606L, 0L, 0L, (long?)null), (em1.TxPackets!.Value, em1.TxErrors!.Value, em1.TxDropped!.Value, em1.TxFifo));
        else
            Assert.Equal(((long?)null, (long?)null), (em1.RxDropped, em1.TxPackets));
    }
}
