using TuneAdvisor.Formats.Proc;

namespace TuneAdvisor.Tests.Formats.Proc;

public class ProcNetDevParserTests
{
    private const string Header =
        "Inter-|   Receive                                                |  Transmit\n" +
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n";

    [Fact]
    public void Parses_a_network_namespace_capture_with_a_long_veth_name()
    {
        var path = TestFiles.PathOf("Proc", "kernel-6.18-netns", "dev");
        var parsed = ProcNetDevParser.Parse(File.ReadAllText(path), path);

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(["lo", "vc1", "veth-capture0"], parsed.Items.Select(i => i.Name));
        var veth = parsed.Items[2];
        Assert.Equal((426L, 5L, 516L, 6L), (veth.RxBytes, veth.RxPackets, veth.TxBytes, veth.TxPackets));
        Assert.Equal(0L, veth.RxDropped);
        Assert.Equal(0L, veth.TxCompressed);
        Assert.Equal($"{path}:5", veth.Source);
        var lo = parsed.Items[0];
        Assert.Equal((6474L, 17L, 6474L, 17L), (lo.RxBytes, lo.RxPackets, lo.TxBytes, lo.TxPackets));
    }

    [Fact]
    public void Parses_a_host_capture()
    {
        var path = TestFiles.PathOf("Proc", "kernel-6.18-host", "dev");
        var parsed = ProcNetDevParser.Parse(File.ReadAllText(path), path);

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(["lo", "ifb0", "ifb1", "eth0"], parsed.Items.Select(i => i.Name));
        var eth0 = parsed.Items[3];
        Assert.Equal((135482245L, 4242L, 251243L, 3249L), (eth0.RxBytes, eth0.RxPackets, eth0.TxBytes, eth0.TxPackets));
    }

    [Fact]
    public void Splits_on_the_first_colon_when_old_kernels_print_no_space_after_it()
    {
        var text = Header + "  eth0:1234 5 1 2 3 4 0 6 789 10 11 12 13 14 15 16\n";
        var i = Assert.Single(ProcNetDevParser.Parse(text, "dev").Items);

        Assert.Equal("eth0", i.Name);
        Assert.Equal(1234L, i.RxBytes);
        Assert.Equal(6L, i.RxMulticast);
        Assert.Equal(789L, i.TxBytes);
        Assert.Equal((12L, 13L, 14L, 15L, 16L), (i.TxDropped, i.TxFifo, i.TxCollisions, i.TxCarrier, i.TxCompressed));
    }

    [Fact]
    public void Maps_every_column_in_file_order()
    {
        var text = Header + "x: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
        var i = Assert.Single(ProcNetDevParser.Parse(text, "dev").Items);

        long?[] actual = [i.RxBytes, i.RxPackets, i.RxErrors, i.RxDropped, i.RxFifo, i.RxFrame, i.RxCompressed, i.RxMulticast,
            i.TxBytes, i.TxPackets, i.TxErrors, i.TxDropped, i.TxFifo, i.TxCollisions, i.TxCarrier, i.TxCompressed];
        Assert.Equal(Enumerable.Range(1, 16).Select(v => (long?)v), actual);
    }

    [Fact]
    public void A_truncated_last_row_keeps_its_complete_values_and_drops_the_cut_one()
    {
        var text = Header +
            "    lo: 1664039048 1566805    0    0    0     0          0         0 1664039048 1566805    0    0    0     0       0          0\n" +
            "  eth0: 874354587 1036395    0    0    0     0          0         0 5633";
        var parsed = ProcNetDevParser.Parse(text, "proc/net/dev");

        var eth0 = parsed.Items.Single(i => i.Name == "eth0");
        Assert.Equal(874354587L, eth0.RxBytes);
        Assert.Equal(0L, eth0.RxMulticast);
        Assert.Null(eth0.TxBytes);   // "5633" may be the start of "563352563"
        Assert.Null(eth0.TxCompressed);
        var d = Assert.Single(parsed.Diagnostics);
        Assert.Equal("proc/net/dev(4,1): warning TA0207: Input is truncated: the row of 'eth0' stops after 9 of 16 values; tx_bytes and later are unknown", d.ToString());
    }

    [Fact]
    public void A_truncated_last_row_that_ends_between_values_keeps_them_all()
    {
        var text = Header + "  eth0: 874354587 1036395    0    0    0     0          0         0 563352563 ";
        var parsed = ProcNetDevParser.Parse(text, "dev");

        Assert.Equal(563352563L, Assert.Single(parsed.Items).TxBytes);
        Assert.Equal("TA0207", Assert.Single(parsed.Diagnostics).Id);
    }

    [Fact]
    public void Garbage_lines_are_skipped_with_file_and_line()
    {
        var text = Header +
            "    lo: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n" +
            "this is not an interface row\n" +
            "  eth1: 1 2 three 4 5 6 7 8 9 10 11 12 13 14 15 16\n" +
            "  eth2: 1 2 3\n" +
            "  eth0: 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1\n";
        var parsed = ProcNetDevParser.Parse(text, "/proc/net/dev");

        Assert.Equal(["lo", "eth0"], parsed.Items.Select(i => i.Name));
        Assert.Equal(
        [
            "/proc/net/dev(4,1): warning TA0203: Line skipped: not an 'interface: counters' row",
            "/proc/net/dev(5,1): warning TA0203: Line skipped: 'eth1' rx_errs is not a number: 'three'",
            "/proc/net/dev(6,1): warning TA0203: Line skipped: 'eth2' has 3 values, expected 16",
        ], parsed.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Empty_text_gives_no_interfaces_and_no_diagnostics()
    {
        var parsed = ProcNetDevParser.Parse("", "dev");
        Assert.Empty(parsed.Items);
        Assert.Empty(parsed.Diagnostics);
    }
}
