using TuneAdvisor.Formats.Proc;

namespace TuneAdvisor.Tests.Formats.Proc;

public class SoftnetStatParserTests
{
    [Theory]
    [InlineData("kernel-6.18-host")]
    [InlineData("kernel-6.18-netns")]
    public void Parses_15_hex_columns_of_kernel_6_18_with_the_cpu_id_from_column_13(string capture)
    {
        var path = TestFiles.PathOf("Proc", capture, "softnet_stat");
        var parsed = SoftnetStatParser.Parse(File.ReadAllText(path), path);

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal([0, 1], parsed.Items.Select(c => c.Cpu));
        Assert.Equal(0x2aL, parsed.Items[0].Processed);
        Assert.Equal(0x110fL, parsed.Items[1].Processed);
        Assert.All(parsed.Items, c => Assert.Equal((0L, 0L, 0L, 0L, 0L), (c.Dropped, c.TimeSqueeze, c.ReceivedRps!.Value, c.FlowLimitCount!.Value, c.BacklogLength!.Value)));
    }

    [Fact]
    public void Reads_dropped_and_time_squeeze_as_hex()
    {
        var parsed = SoftnetStatParser.Parse("0001e240 000003e8 0000000a 00000000 00000000 00000000 00000000 00000000 00000000 00000007 00000002\n", "softnet_stat");
        var cpu = Assert.Single(parsed.Items);

        Assert.Equal((123456L, 1000L, 10L, 7L, 2L), (cpu.Processed, cpu.Dropped, cpu.TimeSqueeze, cpu.ReceivedRps!.Value, cpu.FlowLimitCount!.Value));
        Assert.Null(cpu.BacklogLength);
    }

    [Fact]
    public void Without_column_13_the_line_index_is_the_cpu()
    {
        var text = """
            00000001 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
            00000002 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
            00000003 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000

            """;
        var parsed = SoftnetStatParser.Parse(text, "softnet_stat");

        Assert.Equal([0, 1, 2], parsed.Items.Select(c => c.Cpu));
        Assert.Equal([1L, 2L, 3L], parsed.Items.Select(c => c.Processed));
    }

    [Fact]
    public void Column_13_names_the_cpu_when_some_are_offline()
    {
        var text = """
            00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
            00000020 00000001 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000002
            00000030 00000000 00000005 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000003 00000003

            """;
        var parsed = SoftnetStatParser.Parse(text, "softnet_stat");

        Assert.Equal([0, 2, 3], parsed.Items.Select(c => c.Cpu));
        Assert.Equal(1L, parsed.Items[1].Dropped);
        Assert.Equal(5L, parsed.Items[2].TimeSqueeze);
        Assert.Equal(3L, parsed.Items[2].BacklogLength);
    }

    [Fact]
    public void A_last_line_cut_before_the_cpu_id_is_left_out_with_a_truncation_note()
    {
        var text = "00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n" +
                   "00000020 00000001 00000000 00000000 000";
        var parsed = SoftnetStatParser.Parse(text, "proc/net/softnet_stat");

        Assert.Equal(0, Assert.Single(parsed.Items).Cpu);
        var d = Assert.Single(parsed.Diagnostics);
        Assert.Equal("proc/net/softnet_stat(2,1): warning TA0207: Input is truncated: the last CPU's line stops after 5 of 15 columns, before the CPU id; skipped", d.ToString());
    }

    [Fact]
    public void Garbage_lines_are_skipped_with_file_and_line()
    {
        var text = "00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n" +
                   "hello world, not hex\n" +
                   "0000\n" +
                   "00000030 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n";
        var parsed = SoftnetStatParser.Parse(text, "softnet_stat");

        Assert.Equal([16L, 48L], parsed.Items.Select(c => c.Processed));
        Assert.Equal(
        [
            "softnet_stat(2,1): warning TA0203: Line skipped: column 1 is not hexadecimal: 'hello'",
            "softnet_stat(3,1): warning TA0203: Line skipped: 1 columns; a softnet_stat line has at least 3 hex columns",
        ], parsed.Diagnostics.Select(d => d.ToString()));
    }
}
