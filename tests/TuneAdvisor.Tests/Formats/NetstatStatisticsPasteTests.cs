using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Formats;

/// <summary>`netstat -s` as users paste it: excerpts without headers, prompts, `date` lines, runs, labels, translations.</summary>
public sealed class NetstatStatisticsPasteTests
{
    private static readonly NetstatStatisticsParser Parser = new();

    private static string Capture(string name) => CaptureFiles.Text(Path.Combine("netstat-s", name));

    private static SampleBuilder Parse(string text, string path = "p.txt")
    {
        Assert.Same(typeof(NetstatStatisticsParser), InputParserRegistry.Default.Detect(text)?.GetType());
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        Parser.Parse(text, path, sample);
        return sample;
    }

    private static List<string> Notes(SampleBuilder s) => NoteDiagnostics.FromNotes(s.Notes).Select(d => d.ToString()).ToList();

    private static List<string> Problems(SampleBuilder s) =>
        NoteDiagnostics.FromNotes(s.Notes).Where(d => d.Severity >= Severity.Warning).Select(d => d.ToString()).ToList();

    [Fact]
    public void One_pasted_line_without_its_header_is_detected_and_read_by_its_wording()
    {
        var s = Parse("150 SYNs to LISTEN sockets dropped\n");
        Assert.Equal(150, s.Counters["TcpExt.ListenDrops"]);
        Assert.False(s.Counters.ContainsKey("TcpExt.ListenOverflows"));   // no header: absent is unknown, not 0
        Assert.Equal("p.txt:1", s.CounterSources["TcpExt.ListenDrops"]);
        Assert.Empty(Notes(s));
    }

    [Fact]
    public void A_wording_two_sections_print_is_noted_not_guessed_without_a_header()
    {
        var s = Parse("    59 packets received\n    3 segments retransmited\n");
        Assert.Equal(3, s.Counters["Tcp.RetransSegs"]);
        Assert.DoesNotContain(s.Counters.Keys, k => k.EndsWith(".InDatagrams", StringComparison.Ordinal));
        Assert.Equal(["p.txt(1,1): info TA0209: no section header above this line, and its wording is printed for Udp.InDatagrams, Udp6.InDatagrams: not read (ambiguous)"], Notes(s));
    }

    [Fact]
    public void The_table_holds_every_spelling_net_tools_printed_with_its_commit()
    {
        string Key(string section, string wording) => NetstatStatisticsTable.Wordings[(section, wording)];
        Assert.Equal("Tcp.OutSegs", Key("Tcp", "%llu segments send out"));
        Assert.Equal("Tcp.OutSegs", Key("Tcp", "%llu segments sent out"));
        Assert.Equal("Tcp.RetransSegs", Key("Tcp", "%llu segments retransmited"));
        Assert.Equal("Tcp.ActiveOpens", Key("Tcp", "%llu active connections openings"));
        Assert.Equal("Tcp.ActiveOpens", Key("Tcp", "%llu active opens"));
        Assert.Equal("TcpExt.ListenDrops", Key("TcpExt", "%llu SYNs to LISTEN sockets ignored"));
        Assert.Equal("TcpExt.ListenDrops", Key("TcpExt", "%llu SYNs to LISTEN sockets dropped"));
        Assert.Equal("TcpExt.TCPPrequeued", Key("TcpExt", "%llu packets directly queued to recvmsg prequeue."));
        Assert.Equal("Ip.FragOKs", Key("Ip", "%llu fragments received ok"));
        Assert.Equal("Udp.InCsumErrors", Key("Udp", "%llu packets with invalid checksum"));   // after v2.10 (2024)
        var ignored = NetstatStatisticsWordings.All.Single(w => w.Wording == "%llu SYNs to LISTEN sockets ignored");
        Assert.Equal("3dfdf38 (2000-06-21) until e06fed4 (2003-02-12); v1.60", ignored.Source);
        Assert.All(NetstatStatisticsWordings.All, w => Assert.Matches(@"^[0-9a-f]{7} \(\d{4}-\d{2}-\d{2}\)", w.Source));
    }

    [CorpusFact]
    public void Porter_tcpext_only_prequeue_era_wording_is_fully_understood_so_absent_listen_counters_are_zero()
    {
        var s = Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, "porter-124-netstat-s-tcpext-only-timewait-overflow", "netstat-s-before.txt")), "before.txt");
        Assert.Equal((9648L, 497793L, 876502L, 45L), (s.Counters["TcpExt.TCPDirectCopyFromPrequeue"], s.Counters["TcpExt.TCPHPHits"],
            s.Counters["TcpExt.TCPPureAcks"], s.Counters["TcpExt.TCPPrequeued"]));
        Assert.Equal((27360L, 0L, 0L), (s.Counters["TcpExt.TCPTimeWaitOverflow"], s.Counters["TcpExt.ListenOverflows"], s.Counters["TcpExt.ListenDrops"]));
        Assert.Equal("before.txt (omitted by netstat when zero)", s.CounterSources["TcpExt.ListenOverflows"]);
        Assert.Empty(Notes(s));
        Assert.False(s.Counters.ContainsKey("Tcp.RetransSegs"));   // no Tcp section
    }

    [CorpusFact]
    public void Two_runs_with_prompts_and_date_lines_give_two_timed_runs_and_notes_for_the_noise()
    {
        var path = "netstat-s-egrep-listen-2-runs.txt";
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus!, "plantegg-netstat-s-egrep-listen-snapshots", path));
        var runs = Parser.ParseRuns(text, path, DateTimeOffset.UnixEpoch);
        Assert.Equal(2, runs.Length);
        Assert.Equal((1, 6), (runs[0].FirstLine, runs[1].FirstLine));
        Assert.Equal(DateTimeOffset.Parse("2017-05-05T15:39:58Z", System.Globalization.CultureInfo.InvariantCulture), runs[0].Time);
        Assert.Equal(TimeSpan.FromSeconds(1), runs[1].Time - runs[0].Time);   // "CST" is not resolved: both runs share it
        Assert.Equal((1641685L, 1641685L), (runs[0].Sample.Counters["TcpExt.ListenOverflows"], runs[0].Sample.Counters["TcpExt.ListenDrops"]));
        Assert.Equal(1641906, runs[1].Sample.Counters["TcpExt.ListenOverflows"]);
        Assert.Equal("TcpExt", Assert.Single(runs[1].HeaderlessSections));
        var notes = runs.SelectMany(r => Notes(r.Sample)).ToList();
        Assert.Equal(4, notes.Count);
        Assert.StartsWith($"{path}(1,1): info TA0209: a shell prompt, not `netstat -s` output: '[root@server ~]# date; netstat -s", notes[0]);
        Assert.StartsWith($"{path}(2,1): info TA0209: `date` output: this run was taken at Fri May  5 15:39:58 CST 2017", notes[1]);
        Assert.StartsWith($"{path}(6,1): info TA0209: a shell prompt", notes[2]);
        Assert.StartsWith($"{path}(7,1): info TA0209: `date` output", notes[3]);

        var one = Parse(text, path);   // one sample: the last run, with a note
        Assert.Equal(1641906, one.Counters["TcpExt.ListenOverflows"]);
        Assert.Contains($"{path}(6,1): info TA0209: 2 runs of `netstat -s` (starting at lines 1, 6); the last one was read, the earlier ones were ignored", Notes(one));
        Assert.Empty(Problems(one));
    }

    [Fact]
    public void A_crlf_paste_with_prompts_an_annotation_and_tabs_reads_both_runs_and_notes_every_other_line()
    {
        var path = "crlf.txt";
        var runs = Parser.ParseRuns(Capture("netstat-s_egrep-listen_2-runs_pasted-crlf.txt"), path, DateTimeOffset.UnixEpoch);
        Assert.Equal([28L, 84L], runs.Select(r => r.Sample.Counters["TcpExt.ListenOverflows"]));
        Assert.Equal([28L, 84L], runs.Select(r => r.Sample.Counters["TcpExt.ListenDrops"]));
        Assert.Equal(TimeSpan.FromSeconds(2), runs[1].Time - runs[0].Time);
        var notes = runs.SelectMany(r => Notes(r.Sample)).ToList();
        Assert.Contains($"{path}(5,1): info TA0209: not a statistics line (an annotation?), not read: 'after the load test started:'", notes);
        Assert.Contains(notes, n => n.StartsWith($"{path}(11,1): info TA0209: a shell prompt", StringComparison.Ordinal));
        Assert.All(notes, n => Assert.Contains(": info TA0209: ", n, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("netstat-s_fr.txt")]   // "Histogramme d'entrée ICMP": no colon
    [InlineData("netstat-s_ja.txt")]
    [InlineData("netstat-s_de.txt")]
    public void Localised_histogram_titles_are_recognised_and_their_entries_read_in_order(string file)
    {
        var s = Parse(Capture(file), file);
        Assert.Equal((3L, 3L, 3L), (s.Counters["Icmp.InDestUnreachs"], s.Counters["Icmp.OutDestUnreachs"], s.Counters["IcmpMsg.OutType3"]));
        Assert.Equal((84L, 36L, 112L), (s.Counters["Tcp.RetransSegs"], s.Counters["Tcp.OutSegs"], s.Counters["TcpExt.ListenOverflows"]));
        Assert.Equal(0, s.Counters["TcpExt.SyncookiesSent"]);   // every TcpExt line understood: omitted ones are 0
        Assert.Empty(Notes(s));
    }

    [Fact]
    public void A_translated_wording_is_noted_and_unknown_and_stops_the_zero_fill()
    {
        // net-tools 1.60's German catalogue: "%d segments retransmited" -> "%d Segmente erneut geschickt"; its
        // translation of "SYNs to LISTEN sockets dropped" reads "outgoing packets dropped" (po/de.po at HEAD).
        var s = Parse("Tcp:\n    27 segments send out\n    12 Segmente erneut geschickt\nTcpExt:\n    15 ausgehende Pakete weggeworfen\n    TCPTimeouts: 4\n");
        Assert.Equal(27, s.Counters["Tcp.OutSegs"]);
        Assert.Equal(4, s.Counters["TcpExt.TCPTimeouts"]);
        Assert.False(s.Counters.ContainsKey("Tcp.RetransSegs"));
        Assert.False(s.Counters.ContainsKey("TcpExt.ListenDrops"));
        Assert.False(s.Counters.ContainsKey("TcpExt.ListenOverflows"));   // not zero-filled: a TcpExt line was not understood
        Assert.Equal(
        [
            "p.txt: info TA0209: the TcpExt section has lines with unknown wording, so counters net-tools omits when zero are left unknown",
            "p.txt(3,1): info TA0209: 2 lines have a wording with no known MIB name (lines 3, 5); their counters are unknown",
        ], Notes(s));
    }

    [Fact]
    public void A_paste_cut_after_the_second_runs_date_line_reads_the_first_run_and_says_so()
    {
        var whole = Capture("netstat-s_egrep-listen_2-runs.txt");
        var text = whole[..(whole.IndexOf("    84", StringComparison.Ordinal) + 2)];   // "…2026\n  ": stops in the indentation
        var s = new SampleBuilder(DateTimeOffset.UnixEpoch);
        InputParserRegistry.ParseWith(Parser, text, "p.txt", s);
        Assert.Equal(28, s.Counters["TcpExt.ListenOverflows"]);
        var notes = NoteDiagnostics.FromNotes(s.Notes).ToList();
        Assert.Contains(notes, d => d.Span.Line == 5 && d.Message.Contains("no counter (the paste may stop inside it)", StringComparison.Ordinal));
        Assert.Contains(notes, d => d.Span.Line == 6 && d.Message.Contains("holds only spaces", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_output_pasted_twice_without_prompts_is_two_runs_by_its_repeated_header()
    {
        var once = "Tcp:\n    10 segments retransmitted\nTcpExt:\n    5 times the listen queue of a socket overflowed\n";
        var runs = Parser.ParseRuns(once + once.Replace("10 seg", "30 seg", StringComparison.Ordinal), "p.txt", DateTimeOffset.UnixEpoch);
        Assert.Equal([10L, 30L], runs.Select(r => r.Sample.Counters["Tcp.RetransSegs"]));
        Assert.Equal([1, 5], runs.Select(r => r.FirstLine));
        Assert.All(runs, r => Assert.Null(r.Time));
    }

    [Theory]
    [InlineData("Thu Mar  5 10:12:01 CST 2020", "2020-03-05T10:12:01+00:00")]
    [InlineData("Tue, 05 May 2020 02:00:01 +0800", "2020-05-05T02:00:01+08:00")]
    [InlineData("2020-05-05T02:00:01+00:00", "2020-05-05T02:00:01+00:00")]
    [InlineData("2020-05-05 02:00:01", "2020-05-05T02:00:01+00:00")]
    [InlineData("Tue 05 May 2020 02:00:01 PM UTC", "2020-05-05T14:00:01+00:00")]
    [InlineData("2020年  5月  5日 火曜日 02:00:01 UTC", "2020-05-05T02:00:01+00:00")]
    [InlineData("2017年 05月 05日 星期五 15:39:58 CST", "2017-05-05T15:39:58+00:00")]
    [InlineData("mar. 05 mai 2020 02:00:01 UTC", null)]   // French: "mar." is Tuesday; the month is not read
    [InlineData("Di 5. Mai 02:00:01 UTC 2020", null)]
    public void Date_lines_of_many_formats_are_recognised_and_read_where_the_month_can_be(string line, string? expected)
    {
        Assert.Equal(PastedLineKind.Date, PastedLine.Classify(line, out var time));
        Assert.Equal(expected, time?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[root@server ~]# date; netstat -s | egrep \"listen|LISTEN\" ", PastedLineKind.Prompt)]
    [InlineData("user@host:~$ netstat -s", PastedLineKind.Prompt)]
    [InlineData("host:~ # ", PastedLineKind.Prompt)]
    [InlineData("bash-4.2$ ss -lnt", PastedLineKind.Prompt)]
    [InlineData("netstat -s | grep -i listen", PastedLineKind.Command)]
    [InlineData("sleep 1", PastedLineKind.Command)]
    [InlineData("echo replies: 5", PastedLineKind.Output)]
    [InlineData("    1641685 times the listen queue of a socket overflowed", PastedLineKind.Output)]
    [InlineData("    TCPTimeouts: 12", PastedLineKind.Output)]
    [InlineData("# after the restart", PastedLineKind.Output)]
    public void Prompts_and_commands_are_told_from_output(string line, PastedLineKind kind) =>
        Assert.Equal(kind, PastedLine.Classify(line, out _));

    [Fact]
    public void Every_cut_of_the_captures_made_here_parses_without_throwing()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(CaptureFiles.Directory, "netstat-s"), "*.txt"))
        {
            var text = File.ReadAllText(file);
            for (int cut = 0; cut <= text.Length; cut += 7)
                Parser.ParseRuns(text[..cut], "cut.txt", DateTimeOffset.UnixEpoch);
        }
    }
}
