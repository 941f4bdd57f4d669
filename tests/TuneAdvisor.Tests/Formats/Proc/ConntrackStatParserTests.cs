using TuneAdvisor.Formats.Proc;

namespace TuneAdvisor.Tests.Formats.Proc;

public class ConntrackStatParserTests
{
    // Kernel 6.18's header (captured on the test machine), with values made up to check the sums.
    private const string Modern =
        "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n" +
        "00000005  00000001 00000002 00000000 00000003 00000000 00000000 00000000 00000004 00000001 0000000a 00000002 00000000  00000000 00000000 00000000 00000001\n" +
        "00000005  00000000 00000010 00000000 00000000 00000000 00000000 00000000 00000004 00000002 000000f0 00000001 00000000  00000000 00000000 00000000 00000000\n";

    [Fact]
    public void Sums_every_per_cpu_column_except_entries()
    {
        var parsed = ConntrackStatParser.Parse(Modern, "nf_conntrack");

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(0xfaL, parsed.Values["Conntrack.Drop"]);
        Assert.Equal(3L, parsed.Values["Conntrack.EarlyDrop"]);
        Assert.Equal(3L, parsed.Values["Conntrack.InsertFailed"]);
        Assert.Equal(0x12L, parsed.Values["Conntrack.Found"]);
        Assert.Equal(1L, parsed.Values["Conntrack.SearchRestart"]);
        Assert.False(parsed.Values.ContainsKey("Conntrack.Entries"));
        Assert.Equal(16, parsed.Values.Count);
        Assert.Equal(17, parsed.FieldCounts["Conntrack"]);
    }

    [Fact]
    public void Pairs_columns_by_name_on_older_kernels()
    {
        var text = "entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n" +
                   "0000002a  00000100 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000 00000007 00000000 00000000  00000000 00000000 00000000 00000000\n";
        var parsed = ConntrackStatParser.Parse(text, "nf_conntrack");

        Assert.Equal(0x100L, parsed.Values["Conntrack.Searched"]);
        Assert.Equal(0L, parsed.Values["Conntrack.DeleteList"]);
        Assert.Equal(7L, parsed.Values["Conntrack.Drop"]);
    }

    [Fact]
    public void A_cut_last_line_is_left_out_of_the_sums()
    {
        var parsed = ConntrackStatParser.Parse(Modern + "00000005  00000000 000000", "/proc/net/stat/nf_conntrack");

        Assert.Equal(0xfaL, parsed.Values["Conntrack.Drop"]);
        Assert.Equal("/proc/net/stat/nf_conntrack(4,1): warning TA0207: Input is truncated: the last CPU's line has 3 of 17 values and is left out of the sums",
            Assert.Single(parsed.Diagnostics).ToString());
    }

    [Fact]
    public void Text_without_a_header_is_not_recognized()
    {
        var parsed = ConntrackStatParser.Parse("00000001 00000002\n", "f");
        Assert.Empty(parsed.Values);
        Assert.Equal(["TA0203", "TA0202"], parsed.Diagnostics.Select(d => d.Id));
    }
}
