using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Formats;

/// <summary>`nstat -j` (one line), `nstat -az --json` and `nstat -a -j -p` (pretty) captured with iproute2 6.1, and damaged copies of them.</summary>
public sealed class NstatJsonTests
{
    private static string Capture(string name) => CaptureFiles.Text(Path.Combine("nstat-json", name));

    private static SampleBuilder Parse(string text, string name = "nstat.json", NstatMode mode = NstatMode.Auto)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        var registry = InputParserRegistry.Create(mode);
        Assert.IsType<NstatParser>(registry.Parse(text, name, sample));
        return sample;
    }

    [Fact]
    public void One_line_json_is_read_as_counters_named_like_the_proc_parsers()
    {
        var s = Parse(Capture("nstat_-j.txt"));
        Assert.Equal(21, s.Counters.Count);
        Assert.Equal(3, s.Counters["Ip.InReceives"]);
        Assert.Equal(56, s.Counters["Ip6.OutOctets"]);
        Assert.Equal(3, s.Counters["IcmpMsg.OutType8"]);
        Assert.Equal("nstat.json", s.CounterSources["IpExt.InOctets"]);
        // No zeros: printed without -z, so an absent counter is unknown, and the note says so.
        Assert.False(s.Counters.ContainsKey("Tcp.RetransSegs"));
        Assert.Contains(s.Notes, n => n.Message == NstatParser.NoZerosNote);
    }

    [Fact]
    public void Pretty_and_zeros_json_are_read_whole()
    {
        var pretty = Parse(Capture("nstat_-a_-j_-p.txt"));
        Assert.Equal(34, pretty.Counters.Count);
        Assert.Equal(33, pretty.Counters["Ip.InReceives"]);
        var all = Parse(Capture("nstat_-az_--json.txt"));
        Assert.Equal(397, all.Counters.Count);
        Assert.Equal(0, all.Counters["TcpExt.ListenOverflows"]);
        Assert.DoesNotContain(all.Notes, n => n.Message == NstatParser.NoZerosNote);
        Assert.DoesNotContain(NoteDiagnostics.FromNotes(all.Notes), d => d.Severity >= Severity.Warning);
    }

    [Fact]
    public void A_delta_hint_sends_json_values_to_the_deltas()
    {
        var s = Parse(Capture("nstat_-j.txt"), mode: NstatMode.Delta);
        Assert.Empty(s.Counters);
        Assert.Equal(3, s.CounterDeltas["Ip.InReceives"]);
    }

    [Fact]
    public void A_prompt_and_crlf_are_tolerated_and_noted()
    {
        var text = "$ nstat -j\r\n" + Capture("nstat_-a_-j_-p.txt").Replace("\n", "\r\n");
        var s = Parse(text);
        Assert.Equal(34, s.Counters.Count);
        var notes = NoteDiagnostics.FromNotes(s.Notes);
        Assert.Contains(notes, d => d.Span.Line == 1 && d.Message.Contains("echoed command", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, d => d.Severity >= Severity.Warning);
    }

    [Fact]
    public void A_paste_cut_inside_the_json_keeps_the_counters_before_the_cut()
    {
        var full = Capture("nstat_-a_-j_-p.txt");
        var cut = full[..full.IndexOf("\"Ip6InReceives\"", StringComparison.Ordinal)];   // 14 counters before it
        var s = Parse(cut);
        Assert.Equal(14, s.Counters.Count);
        Assert.Equal(28, s.Counters["IcmpMsg.OutType8"]);
        Assert.Contains(NoteDiagnostics.FromNotes(s.Notes), d => d.Id == KnownDiagnostics.TruncatedInput.Id);
    }

    [Fact]
    public void Json_that_is_not_nstat_is_not_claimed()
    {
        Assert.Equal(0, new NstatParser().Confidence("{\"name\": \"x\", \"version\": 3}"));
        Assert.Equal(0, new NstatParser().Confidence("{\"kernel\": {\"foo\": 1, \"bar\": 2}}"));
    }
}
