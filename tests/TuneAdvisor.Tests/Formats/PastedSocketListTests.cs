using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>
/// ss and netstat listings as people paste them: prompts, echoed commands, date lines, annotations, missing or
/// run-together headers, rows without a column, cut last rows, translated netstat, busybox. Corpus cases are read
/// where they stand; the captures are TestFiles/Captures/sockets (see its README), damaged here in memory.
/// </summary>
public sealed class PastedSocketListTests
{
    private static string Capture(string name) => File.ReadAllText(Path.Combine(CaptureFiles.Directory, "sockets", name));

    private static string Corpus(string relative) => File.ReadAllText(Path.Combine(RepoPaths.Corpus!, relative));

    private static (SampleBuilder Sample, List<string> Notes) Parse(string text, string path)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        var parser = InputParserRegistry.Default.Detect(text);
        Assert.NotNull(parser);
        parser.Parse(text, path, sample);
        return (sample, NoteDiagnostics.FromNotes(sample.Notes).Select(d => d.ToString()).ToList());
    }

    [CorpusFact]
    public void A_last_row_cut_after_its_queues_keeps_state_and_queues_and_invents_no_address()
    {
        var (s, notes) = Parse(Corpus("rocket-2118-ss-ot-closewait-cut-last-row/ss-ot.txt"), "ss-ot.txt");
        Assert.Equal(16, s.Connections.Count);
        var cut = Assert.Single(s.Connections, c => c.Truncated == true);
        // "CLOSE-WAIT  518     0        0." : Recv-Q and Send-Q end before the cut, so they are exact.
        Assert.Equal(("CLOSE-WAIT", 518L, 0L, null, null), (cut.State, cut.RecvQ, cut.SendQ, cut.RecvQAtLeast, cut.SendQAtLeast));
        Assert.Equal(("0.…", "…", null, null, null, null), (cut.Local, cut.Remote, cut.LocalAddress, cut.LocalPort, cut.RemoteAddress, cut.RemotePort));
        Assert.Equal(
            ["ss-ot.txt(16,1): warning TA0207: Input is truncated: the last line has no line break and is incomplete (a socket row cut after State CLOSE-WAIT, Recv-Q 518, Send-Q 0, the start of the local address '0.'; the rest of the row is missing); its missing parts are unknown"],
            notes);
    }

    [Fact]
    public void A_number_that_ends_at_the_cut_is_a_lower_bound_and_a_later_column_is_unknown()
    {
        var text = Capture("ss_-lnt.txt");
        var cut = text[..(text.IndexOf("LISTEN 5 ", StringComparison.Ordinal) + "LISTEN 5      4".Length)];
        var (s, notes) = Parse(cut, "cut.txt");
        var last = Assert.Single(s.Listeners, l => l.Truncated == true);
        Assert.Equal((5L, 4L, null, true, "…", null), (last.RecvQ, last.SendQ, last.RecvQAtLeast, last.SendQAtLeast, last.Local, last.Port));
        Assert.Contains("a socket row cut after State LISTEN, Recv-Q 5, Send-Q ≥4; the rest of the row is missing", Assert.Single(notes), StringComparison.Ordinal);

        var inRecvQ = text[..(text.IndexOf("LISTEN 5 ", StringComparison.Ordinal) + "LISTEN 5".Length)];
        var only = Assert.Single(Parse(inRecvQ, "cut.txt").Sample.Listeners, l => l.Truncated == true);
        Assert.Equal((5L, null, true), (only.RecvQ, only.SendQ, only.RecvQAtLeast));
    }

    [Fact]
    public void A_last_row_that_only_lacks_its_line_break_is_complete()
    {
        var text = Capture("ss_-lnt.txt").TrimEnd();   // ends in "*:*" with no line break
        var (s, notes) = Parse(text, "ss.txt");
        Assert.Equal(5, s.Listeners.Count);
        Assert.All(s.Listeners, l => Assert.Null(l.Truncated));
        Assert.Empty(notes);
    }

    [CorpusFact]
    public void A_date_line_and_a_header_whose_words_ran_together_do_not_hide_the_listener()
    {
        var (s, notes) = Parse(Corpus("plantegg-ss-lnt-no-state-column-backlog-10-full/ss-lnt-3306-backlog-10.txt"), "b.txt");
        var l = Assert.Single(s.Listeners);
        Assert.Equal(("tcp", "*:3306", 11L, 10L), (l.Protocol, l.Local, l.RecvQ, l.SendQ));
        Assert.Equal(["b.txt(1,1): info TA0209: a `date` line, not ss output: skipped"], notes);
        Assert.Contains(SnapshotCapability.ListenerBacklog, s.Capabilities);
    }

    [Fact]
    public void A_state_filter_without_State_column_takes_the_state_from_the_echoed_command_or_leaves_it_unknown()
    {
        var text = Capture("ss_-tan_state_close-wait.txt");
        var (bare, bareNotes) = Parse(text, "cw.txt");
        Assert.Equal(3, bare.Connections.Count);
        Assert.All(bare.Connections, c => Assert.Equal("UNKNOWN", c.State));
        Assert.Equal([301L, 302L, 303L], bare.Connections.Select(c => c.RecvQ!.Value));
        Assert.Contains(bareNotes, n => n.StartsWith("cw.txt(2,1): info TA0209: 3 row(s) have no State column and no echoed ss command", StringComparison.Ordinal));

        var (echoed, echoedNotes) = Parse("[root@server ~]# ss -tan state close-wait\n" + text, "cw.txt");
        Assert.All(echoed.Connections, c => Assert.Equal("CLOSE-WAIT", c.State));
        Assert.Equal(["127.0.0.1:8080"], echoed.Connections.Select(c => c.Remote).Distinct());
        Assert.Equal(["cw.txt(1,1): info TA0209: a shell prompt with the command 'ss -tan state close-wait', not ss output: skipped; its options are read for the columns ss left out"], echoedNotes);
        Assert.Empty(echoed.Listeners);
    }

    [CorpusFact]
    public void Prompt_lines_around_an_awk_filtered_listing_are_skipped_with_info_notes()
    {
        var (s, notes) = Parse(Corpus("lls-k8s-node-ss-nltp-awk-kubeproxy-queues-full/ss-nltp-awk.txt"), "k.txt");
        Assert.Equal(33, s.Listeners.Count);
        Assert.Equal(21, s.Listeners.Count(l => l.RecvQ > l.SendQ));
        Assert.Equal(["k.txt(1,1)", "k.txt(2,1)", "k.txt(37,1)"], notes.Select(n => n[..n.IndexOf(':')]));
        Assert.All(notes, n => Assert.Contains(": info TA0209: a shell prompt", n, StringComparison.Ordinal));
    }

    [CorpusFact]
    public void An_annotation_after_a_row_is_neither_the_peer_nor_a_column()
    {
        var (s, notes) = Parse(Corpus("lls-k8s-pod-ss-closewait-annotated/ss-na-grep-close-wait.txt"), "a.txt");
        Assert.Equal(35, s.Connections.Count(c => c.State == "CLOSE-WAIT" && c.Truncated is null));
        var annotated = s.Connections.Single(c => c.Local == "100.96.253.46:36018");
        Assert.Equal(("172.31.13.216:19000", "172.31.13.216", 19000), (annotated.Remote, annotated.RemoteAddress, annotated.RemotePort));
        Assert.Null(annotated.Congestion);
        Assert.Equal(4, notes.Count(n => n.Contains("text after the row is not ss output (an annotation?) and was left out: '-- 第二次中没有'", StringComparison.Ordinal)));
        Assert.DoesNotContain(NoteDiagnostics.FromNotes(s.Notes), d => d.Severity >= Severity.Warning);
    }

    [CorpusFact]
    public void A_netstat_row_pasted_without_its_Proto_column_is_recovered_without_shifting_columns()
    {
        var (s, notes) = Parse(Corpus("ptfeeder-334-netstat-neopa-closewait-cut-first-row/netstat-neopa.txt"), "n.txt");
        var first = s.Connections.Single(c => c.Source == "n.txt:1");
        Assert.Equal(("tcp", "CLOSE-WAIT", "150.95.191.124:60739", "54.65.136.43:9443"), (first.Protocol, first.State, first.Local, first.Remote));
        Assert.Equal((32L, true, 0L, 2082272UL, 1001U), (first.RecvQ!.Value, first.RecvQAtLeast!.Value, first.SendQ!.Value, first.Inode!.Value, first.Uid!.Value));
        Assert.Equal(("dotnet", 9337), (first.Processes[0].Name, first.Processes[0].Pid));
        Assert.Equal(["n.txt(1,1): info TA0209: a row without its Proto column (the paste starts inside it): read as tcp from its state, Recv-Q as a lower bound (leading digits may be missing)"], notes);
        Assert.Equal(7, s.Connections.Count(c => c.State == "CLOSE-WAIT"));
    }

    [CorpusFact]
    public void A_row_damaged_by_a_blog_is_skipped_and_gives_no_port_or_queue()
    {
        var (s, notes) = Parse(Corpus("plantegg-netstat-ntap-listen-recvq-backlog-unknown/netstat-ano-grep-8765.txt"), "d.txt");
        Assert.Empty(s.Listeners);
        var c = Assert.Single(s.Connections);
        Assert.Equal((2000L, 8765), (c.RecvQ!.Value, c.LocalPort!.Value));
        Assert.Equal(["d.txt(1,1): warning TA0203: Line skipped: not a netstat socket row: 'tcp0  0 0.0.0.0:87650.0.0.0:*   LISTEN  off (0.00/0/0)'"], notes);
    }

    [CorpusFact]
    public void A_netstat_listener_Send_Q_of_0_is_not_a_backlog()
    {
        var (s, _) = Parse(Corpus("plantegg-netstat-ntap-listen-recvq-backlog-unknown/netstat-ntap-grep-8000.txt"), "n.txt");
        var l = Assert.Single(s.Listeners);
        Assert.Equal((129L, null), (l.RecvQ, l.SendQ));
        Assert.DoesNotContain(SnapshotCapability.ListenerBacklog, s.Capabilities);
    }

    public static TheoryData<string> Translations() => ["de", "fr"];

    /// <summary>Same sockets, same moment: translated titles, headers, states, timer words and decimal commas read the same.</summary>
    [Theory]
    [MemberData(nameof(Translations))]
    public void Translated_netstat_reads_exactly_like_the_C_locale_capture(string language)
    {
        foreach (var command in new[] { "netstat_-tanpo", "netstat_-lntp" })
        {
            var (c, cNotes) = Parse(Capture($"{command}_C.txt"), "x");
            var (t, tNotes) = Parse(Capture($"{command}_{language}.txt"), "x");
            Assert.Equal(c.Listeners.Select(Render), t.Listeners.Select(Render));
            Assert.Equal(c.Connections.Select(Render), t.Connections.Select(Render));
            Assert.Equal(cNotes, tNotes);
            Assert.Empty(tNotes);
        }
        Assert.Contains(Parse(Capture("netstat_-tanpo_C.txt"), "x").Sample.Connections, c => c.Timer == 2);   // keepalive
    }

    private static string Render(ListenerInfo l) => CaptureRender.Line(l with { Source = "" });

    private static string Render(ConnectionInfo c) => CaptureRender.Line(c with { Source = "" }) + $" timer={c.Timer}";

    [Fact]
    public void Busybox_netstat_is_read_like_net_tools()
    {
        var (s, notes) = Parse(Capture("busybox_netstat_-tan.txt"), "b.txt");
        Assert.Empty(notes);
        Assert.Equal(["0.0.0.0:8085", "0.0.0.0:8085", "127.0.0.1:8080", "127.0.0.1:9090", "[::]:8443"], s.Listeners.Select(l => l.Local).Order(StringComparer.Ordinal));
        Assert.All(s.Listeners, l => Assert.Null(l.SendQ));
        Assert.Equal(5, s.Listeners.Single(l => l.Port == 9090).RecvQ);
        Assert.Equal([301L, 302L, 303L], s.Connections.Where(c => c.State == "CLOSE-WAIT").Select(c => c.RecvQ!.Value).Order());
        Assert.Equal(s.Connections.Select(Render), Parse(Capture("busybox_netstat_-tane.txt"), "b.txt").Sample.Connections.Select(Render));
        Assert.Equal(5, Parse(Capture("busybox_netstat_-lnt.txt"), "b.txt").Sample.Listeners.Count);
    }

    [Fact]
    public void Ss_timers_extended_and_headerless_listings_give_the_same_sockets()
    {
        var (o, _) = Parse(Capture("ss_-tano.txt"), "o");
        var (e, _) = Parse(Capture("ss_-tanoe.txt"), "e");
        var (h, _) = Parse(Capture("ss_-tanH.txt"), "h");
        static IEnumerable<string> Keys(SampleBuilder s) =>
            s.Listeners.Select(l => $"L {l.Local} {l.RecvQ} {l.SendQ}").Concat(s.Connections.Select(c => $"C {c.State} {c.Local} {c.Remote} {c.RecvQ} {c.SendQ}"));
        Assert.Equal(Keys(o), Keys(e));
        Assert.Equal(Keys(o).Order(StringComparer.Ordinal), Keys(h).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal(1, o.Connections.Single(c => c.RemotePort == 80).Timer);
        Assert.Equal(2, o.Connections.Single(c => c.State == "ESTAB" && c.Info is null && c.Timer == 2).Timer);
        Assert.Equal(5, e.Listeners.Count(l => l.Inode is not null && l.Cookie is not null));
    }
}
