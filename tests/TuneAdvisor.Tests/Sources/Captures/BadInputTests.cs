using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;
using TuneAdvisor.Tests.Formats;

namespace TuneAdvisor.Tests.Sources.Captures;

/// <summary>Garbage, cut pastes and unknown files give diagnostics naming the file and line; nothing throws.</summary>
public sealed class BadInputTests
{
    private static (SampleBuilder Sample, string[] Notes) Parse(string text, string name)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        InputParserRegistry.Default.Parse(text, name, sample);
        return (sample, NoteDiagnostics.FromNotes(sample.Notes).Select(d => d.ToString()).ToArray());
    }

    [Fact]
    public void Garbage_lines_in_an_ss_capture_are_skipped_with_file_and_line()
    {
        var lines = CaptureFiles.Text("ss_-tanpi.txt").Split('\n').ToList();
        lines.Insert(3, "tcp LISTEN zero 128 0.0.0.0:1 0.0.0.0:*");   // line 4
        lines.Insert(6, "hello from the clipboard");                 // line 7
        var (s, notes) = Parse(string.Join('\n', lines), "pasted.txt");
        Assert.Equal(
        [
            "pasted.txt(4,1): warning TA0203: Line skipped: Recv-Q, Send-Q or the addresses are missing: 'tcp LISTEN zero 128 0.0.0.0:1 0.0.0.0:*'",
            "pasted.txt(7,1): warning TA0203: Line skipped: not an ss socket row (no Netid, State or Recv-Q Send-Q): 'hello from the clipboard'",
        ], notes);
        var clean = CaptureRender.Parse("ss_-tanpi.txt");
        Assert.Equal(clean.Listeners.Count, s.Listeners.Count);
        Assert.Equal(clean.Connections.Count, s.Connections.Count);
        Assert.Equal(clean.Connections.Count(c => c.Info is not null), s.Connections.Count(c => c.Info is not null));
    }

    [Fact]
    public void A_paste_cut_inside_the_process_list_keeps_the_row_and_the_complete_processes()
    {
        var text = CaptureFiles.Text("ss_-ltnp.txt");
        var cut = text[..(text.LastIndexOf("(\"ta-server\"", StringComparison.Ordinal) + 6)];
        var (s, notes) = Parse(cut, "cut.txt");
        Assert.Equal(["cut.txt(6,1): warning TA0207: Input is truncated: the last line has no line break and is incomplete (a socket row cut in its details); its missing parts are unknown"], notes);
        var last = s.Listeners[^1];
        Assert.Equal(("[::1]:8443", 0L, 64L), (last.Local, last.RecvQ!.Value, last.SendQ!.Value));
        Assert.Equal(["ta-worker"], last.Processes.Select(p => p.Name));
    }

    [Fact]
    public void A_paste_cut_before_the_addresses_keeps_the_queues_of_the_row_with_a_truncation_note()
    {
        var text = CaptureFiles.Text("ss_-lnt.txt");
        var cut = text[..(text.LastIndexOf("[::1]", StringComparison.Ordinal) - 3)];
        var (s, notes) = Parse(cut, "cut.txt");
        Assert.Equal(5, s.Listeners.Count);
        var last = s.Listeners.Single(l => l.Truncated == true);
        // State, Recv-Q and Send-Q were read whole (the cut is in the spaces after them); the address is not invented.
        Assert.Equal(("…", null, null, 0L, 64L, null, null), (last.Local, last.Address, last.Port, last.RecvQ, last.SendQ, last.RecvQAtLeast, last.SendQAtLeast));
        Assert.Equal(["cut.txt(6,1): warning TA0207: Input is truncated: the last line has no line break and is incomplete (a socket row cut after State LISTEN, Recv-Q 0, Send-Q 64; the rest of the row is missing); its missing parts are unknown"], notes);
    }

    [Fact]
    public void A_broken_line_in_sysctl_and_netstat_s_output_names_its_line()
    {
        var sysctl = CaptureFiles.Text("sysctl_keys.txt").Replace("net.ipv4.tcp_rmem = ", "net.ipv4.tcp_rmem: ", StringComparison.Ordinal);
        Assert.Equal(["k.txt(2,1): warning TA0203: Line skipped: not a 'key = value' line: 'net.ipv4.tcp_rmem: 4096\t131072\t33554432'"], Parse(sysctl, "k.txt").Notes);
        var stats = CaptureFiles.Text("netstat_-s.txt").Replace("    0 forwarded\n", "    forwarded: many\n", StringComparison.Ordinal);
        Assert.Equal(["s.txt(4,1): warning TA0203: Line skipped: no number on this line: 'forwarded: many'"], Parse(stats, "s.txt").Notes);
    }

    [Fact]
    public void Unknown_content_is_an_error_naming_the_file()
    {
        var (_, notes) = Parse("<html><body>502 Bad Gateway</body></html>\n", "page.html");
        Assert.Equal(["page.html: error TA0202: Not a known kind of input (page.html: no parser recognises its content)"], notes);
    }

    public static TheoryData<string> AllInputs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(CaptureFiles.Directory).Order(StringComparer.Ordinal))
            data.Add(f);
        if (RepoPaths.Corpus is { } corpus)
            foreach (var f in Directory.GetFiles(corpus, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                data.Add(f);
        return data;
    }

    /// <summary>Every real input cut at many places, through every parser: no exception, ever.</summary>
    [Theory]
    [MemberData(nameof(AllInputs))]
    public void No_parser_throws_on_any_prefix_of_real_input(string file)
    {
        var text = File.ReadAllText(file);
        var registry = InputParserRegistry.Default;
        for (int cut = 0; cut <= text.Length; cut += Math.Max(1, text.Length / 20))
        {
            var prefix = text[..cut];
            foreach (var parser in registry.Parsers)
            {
                parser.Confidence(prefix);
                parser.Parse(prefix, "cut", new SampleBuilder(DateTimeOffset.UnixEpoch));
            }
        }
    }
}
