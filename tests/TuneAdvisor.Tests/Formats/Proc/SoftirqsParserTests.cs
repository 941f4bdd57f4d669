using CsCheck;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats.Proc;

/// <summary>
/// /proc/softirqs: the capture made here (TestFiles/Captures/softirqs, kernel 6.18), and layouts written out from the
/// kernel's format strings (K:fs/proc/softirqs.c show_softirqs(): "CPU%-8d" per possible CPU, "%12s:" then " %10u"
/// per CPU; 2.6.31 printed "%8s:" under a 16-space indent; before 4.5 IRQ_POLL was BLOCK_IOPOLL).
/// </summary>
public sealed class SoftirqsParserTests
{
    private static string Capture(string name) => TestFiles.Read("Captures", "softirqs", name);

    private static (int Cpu, long? Rx, long? Tx)[] Counts(ParsedList<SoftirqCounts> parsed) =>
        [.. parsed.Items.Select(c => (c.Cpu, c.NetRx, c.NetTx))];

    private static SampleBuilder Read(string text, string path)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        var parser = InputParserRegistry.Default.Parse(text, path, sample);
        Assert.IsType<SoftirqsParser>(parser);
        return sample;
    }

    private static List<string> Notes(SampleBuilder sample) => [.. NoteDiagnostics.FromNotes(sample.Notes).Select(d => d.ToString())];

    [Fact]
    public void The_capture_gives_net_rx_and_net_tx_per_cpu_by_the_header_ids()
    {
        var path = TestFiles.PathOf("Captures", "softirqs", "proc_softirqs.txt");
        var parsed = SoftirqsParser.Parse(File.ReadAllText(path), path);

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal([(0, 101841L, 311L), (1, 271263L, 358L)], Counts(parsed));
    }

    [Theory]
    [InlineData("proc_softirqs.txt")]
    [InlineData("grep_-E_CPU_NET_.txt")]
    public void A_copy_is_told_by_content_and_fills_the_sample(string name)
    {
        var sample = Read(Capture(name), "softirqs.txt");

        Assert.Equal([(0, 101841L, 311L), (1, 271263L, 358L)], sample.Softirqs.Select(c => (c.Cpu, c.NetRx, c.NetTx)));
        Assert.Contains(SnapshotCapability.Softirqs, sample.Capabilities);
        Assert.Empty(sample.Notes);
        Assert.Equal(["softirqs.txt"], sample.Inputs);
    }

    [Fact]
    public void Rows_without_the_header_are_recognised_but_not_read_and_the_note_says_why()
    {
        var sample = Read(Capture("grep_NET_RX.txt"), "grep.txt");

        Assert.Empty(sample.Softirqs);
        Assert.DoesNotContain(SnapshotCapability.Softirqs, sample.Capabilities);
        Assert.Equal(["grep.txt(1,1): warning TA0203: Line skipped: a NET_RX row with no CPU header line ('CPU0 CPU1 …') before it: its columns cannot be tied to CPU ids"], Notes(sample));
    }

    [Fact]
    public void Proc_interrupts_is_not_this_kind()
    {
        const string interrupts = """
                       CPU0       CPU1       
              0:         22          0   IO-APIC   2-edge      timer
              1:          0          9   IO-APIC   1-edge      i8042
            NMI:          0          0   Non-maskable interrupts
            LOC:    1530519    1447436   Local timer interrupts

            """;
        Assert.Equal(0, new SoftirqsParser().Confidence(interrupts));
        Assert.IsNotType<SoftirqsParser>(InputParserRegistry.Default.Detect(interrupts));
    }

    [Fact]
    public void No_other_capture_made_here_is_taken_for_softirqs()
    {
        var others = Directory.GetFiles(TestFiles.PathOf("Captures"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(TestFiles.PathOf("Proc"), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}softirqs{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal));
        Assert.All(others, f => Assert.True(new SoftirqsParser().Confidence(File.ReadAllText(f)) == 0, $"/proc/softirqs claims {f}"));
    }

    [CorpusFact]
    public void No_corpus_file_is_taken_for_softirqs()
    {
        var files = Directory.GetFiles(RepoPaths.Corpus!, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is not ("README.md" or "expected.json"));
        Assert.All(files, f => Assert.True(new SoftirqsParser().Confidence(File.ReadAllText(f)) == 0, $"/proc/softirqs claims {f}"));
    }

    [Fact]
    public void A_kernel_before_4_5_prints_block_iopoll_and_reads_the_same()
    {
        // RHEL 7's 3.10: the same layout with BLOCK_IOPOLL where 4.5+ print IRQ_POLL.
        const string old = """
                                CPU0       CPU1       CPU2       CPU3       
                      HI:          1          0          0          0
                   TIMER:  123456789  112233445   99887766   88776655
                  NET_TX:       1024        512        256        128
                  NET_RX: 4000000000    2000000     300000      40000
                   BLOCK:     332211          0          0          0
            BLOCK_IOPOLL:          0          0          0          0
                 TASKLET:         17          0          0          0
                   SCHED:   55667788   44556677   33445566   22334455
                 HRTIMER:          0          0          0          0
                     RCU:   66778899   55667788   44556677   33445566

            """;
        var sample = Read(old, "softirqs");

        Assert.Equal([(0, 4000000000L, 1024L), (1, 2000000L, 512L), (2, 300000L, 256L), (3, 40000L, 128L)], sample.Softirqs.Select(c => (c.Cpu, c.NetRx, c.NetTx)));
        Assert.Empty(sample.Notes);
    }

    [Fact]
    public void The_first_layout_of_2_6_31_with_eight_wide_names_reads_the_same()
    {
        const string first = "                CPU0       CPU1       \n"
            + "      HI:          0          0\n   TIMER:     123456     234567\n  NET_TX:          5          6\n  NET_RX:        700        800\n"
            + "   BLOCK:          0          0\n TASKLET:          1          0\n   SCHED:       4321       1234\n HRTIMER:          0          0\n     RCU:       9876       6789\n";
        Assert.Equal([(0, 700L, 5L), (1, 800L, 6L)], Counts(SoftirqsParser.Parse(first, "softirqs")));
    }

    [Fact]
    public void The_header_names_the_cpus_whatever_their_ids()
    {
        // A sparse possible mask (CPU1 absent) and four-digit ids: columns follow the header, never their position.
        var text = "                    CPU0       CPU2       CPU1023    \n"
            + "      NET_TX:          1          2          3\n      NET_RX:         10         20         30\n";
        Assert.Equal([(0, 10L, 1L), (2, 20L, 2L), (1023, 30L, 3L)], Counts(SoftirqsParser.Parse(text, "softirqs")));
    }

    [Theory]
    [InlineData("      NET_RX:     101841     2712", 1, "inside the count of CPU1, which is not read; NET_RX of 1 CPU(s) is unknown")]
    [InlineData("      NET_RX:     1018", 0, "inside the count of CPU0, which is not read; NET_RX of 2 CPU(s) is unknown")]
    [InlineData("      NET_RX:     101841  ", 1, "after 1 of 2 CPUs; NET_RX of the others is unknown")]
    public void A_cut_last_row_keeps_its_complete_counts_and_never_reads_the_number_at_the_cut(string cutRow, int whole, string why)
    {
        var text = "                    CPU0       CPU1       \n      NET_TX:        311        358\n" + cutRow;
        var parsed = SoftirqsParser.Parse(text, "proc/softirqs");

        Assert.Equal([(0, whole >= 1 ? 101841L : null, 311L), (1, null, 358L)], Counts(parsed));
        Assert.Equal($"proc/softirqs(3,1): warning TA0207: Input is truncated: the NET_RX row stops {why}", Assert.Single(parsed.Diagnostics).ToString());
    }

    [Fact]
    public void A_capture_cut_in_the_header_or_a_row_name_reads_nothing_of_it_and_says_so()
    {
        Assert.Equal("p(1,1): warning TA0207: Input is truncated: the capture stops in the CPU header line; no softirq row follows",
            Assert.Single(SoftirqsParser.Parse("                    CPU0       CP", "p").Diagnostics).ToString());
        var parsed = SoftirqsParser.Parse("                    CPU0       CPU1       \n      NET_TX:        311        358\n      NET_", "p");
        Assert.Equal([(0, null, 311L), (1, null, 358L)], Counts(parsed));
        Assert.Equal("p(3,1): warning TA0207: Input is truncated: the capture stops inside a softirq row's name; that row is not read", Assert.Single(parsed.Diagnostics).ToString());
    }

    [Fact]
    public void A_paste_with_a_prompt_and_crlf_line_endings_reads_the_same()
    {
        var text = "[root@db1 ~]# cat /proc/softirqs\r\n" + Capture("proc_softirqs.txt").Replace("\n", "\r\n");
        var sample = Read(text, "pasted.txt");

        Assert.Equal([(0, 101841L, 311L), (1, 271263L, 358L)], sample.Softirqs.Select(c => (c.Cpu, c.NetRx, c.NetTx)));
        Assert.Equal(["pasted.txt(1,1): info TA0209: '[root@db1 ~]# cat /proc/softirqs' is a shell prompt or an echoed command, not output; skipped"], Notes(sample));
    }

    [Fact]
    public void Damaged_rows_are_skipped_with_file_and_line_and_the_rest_is_read()
    {
        var text = """
                                CPU0       CPU1       
                  NET_TX:        311        x58
                  NET_RX:     101841     271263          7
            what is this line
                   SCHED:     104236      93460

            """;
        var parsed = SoftirqsParser.Parse(text, "softirqs");

        Assert.Empty(parsed.Items.Where(c => c.NetRx is not null || c.NetTx is not null));
        Assert.Equal(
        [
            "softirqs(2,1): warning TA0203: Line skipped: NET_TX's count for CPU1 is not a number: 'x58'",
            "softirqs(3,1): warning TA0203: Line skipped: NET_RX has 3 counts for the 2 CPUs of the header, so they cannot be tied to CPUs",
            "softirqs(4,1): warning TA0203: Line skipped: neither the CPU header nor a 'NAME: counts' softirq row",
        ], parsed.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_row_short_of_counts_before_the_end_is_skipped_not_shifted()
    {
        var text = "  CPU0 CPU1 CPU2\nNET_RX: 10 30\nNET_TX: 1 2 3\n";
        var parsed = SoftirqsParser.Parse(text, "softirqs");

        Assert.Equal([(0, null, 1L), (1, null, 2L), (2, null, 3L)], Counts(parsed));
        Assert.Equal("softirqs(2,1): warning TA0203: Line skipped: NET_RX has 2 counts for the 3 CPUs of the header, so they cannot be tied to CPUs", Assert.Single(parsed.Diagnostics).ToString());
    }

    [Fact]
    public void Several_copies_in_one_file_read_the_last_with_a_note()
    {
        var text = Capture("grep_-E_CPU_NET_.txt") + Capture("grep_-E_CPU_NET_.txt").Replace("101841", "101999");
        var parsed = SoftirqsParser.Parse(text, "twice.txt");

        Assert.Equal([(0, 101999L, 311L), (1, 271263L, 358L)], Counts(parsed));
        Assert.Equal("twice.txt(4,1): info TA0209: a second CPU header line (the first is line 1): the file holds several copies of /proc/softirqs; the last one is read", Assert.Single(parsed.Diagnostics).ToString());
    }

    [Fact]
    public void A_header_naming_a_cpu_twice_reads_no_counts()
    {
        var parsed = SoftirqsParser.Parse("CPU0 CPU0\nNET_RX: 1 2\n", "softirqs");

        Assert.Empty(parsed.Items);
        Assert.Equal("softirqs(1,1): warning TA0203: Line skipped: a CPU appears twice in the header, so its columns cannot be told apart; no count of this copy is read", Assert.Single(parsed.Diagnostics).ToString());
    }

    [Fact]
    public void A_row_given_twice_keeps_the_first()
    {
        var parsed = SoftirqsParser.Parse("CPU0\nNET_RX: 5\nNET_RX: 6\n", "softirqs");

        Assert.Equal([(0, 5L, null)], Counts(parsed));
        Assert.Contains("NET_RX appears a second time; the first row is kept", Assert.Single(parsed.Diagnostics).Message);
    }

    [Fact]
    public void Any_text_of_the_format_s_characters_never_throws()
    {
        Gen.String[Gen.Char["CPU0123456789 :NET_RXHIB\n\r"], 0, 200].Sample(text =>
        {
            var parsed = SoftirqsParser.Parse(text, "fuzz");
            Assert.All(parsed.Items, c => Assert.True(c.NetRx is null or >= 0 && c.NetTx is null or >= 0));
            new SoftirqsParser().Confidence(text);
        }, iter: 2000);
    }
}
