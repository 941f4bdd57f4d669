using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>net-tools netstat socket lists captured in the scenario namespace, one test per layout.</summary>
public sealed class NetstatSocketParserTests
{
    [Fact]
    public void Lnt_listener_send_q_is_unknown_because_proc_net_tcp_prints_0()
    {
        var s = CaptureRender.Parse("netstat_-lnt.txt");
        Assert.Equal(
        [
            "tcp 127.0.0.1:8080 rq=0 sq=? - @netstat_-lnt.txt:3",
            "tcp 127.0.0.1:9090 rq=5 sq=? - @netstat_-lnt.txt:4",
            "tcp [fe80::1]:7000 rq=0 sq=? - @netstat_-lnt.txt:5",
            "tcp [::]:8081 rq=0 sq=? - @netstat_-lnt.txt:6",
            "tcp [::1]:8443 rq=0 sq=? - @netstat_-lnt.txt:7",
        ], s.Listeners.Select(CaptureRender.Line));
        Assert.Equal([SnapshotCapability.Listeners], s.Capabilities);
    }

    [Fact]
    public void Plunt_udp_queues_are_known_bytes_and_programs_are_read()
    {
        var s = CaptureRender.Parse("netstat_-plunt.txt");
        Assert.Equal("tcp 127.0.0.1:9090 rq=5 sq=? python3/30970/? @netstat_-plunt.txt:4", CaptureRender.Line(s.Listeners[1]));
        Assert.Equal("udp 127.0.0.1:5353 rq=832 sq=0 python3/30970/? @netstat_-plunt.txt:8", CaptureRender.Line(s.Listeners[^1]));
    }

    [Fact]
    public void Neopa_reads_user_inode_timer_and_unix_listeners()
    {
        var s = CaptureRender.Parse("netstat_-neopa.txt");
        var server = Assert.Single(s.Connections, c => c.Local == "127.0.0.1:8080");
        Assert.Equal("tcp ESTAB 127.0.0.1:8080 -> 127.0.0.1:49246 rq=1000 sq=0 python3/30970/? @netstat_-neopa.txt:8", CaptureRender.Line(server));
        Assert.Equal((0u, 436044UL, 0), (server.Uid!.Value, server.Inode!.Value, server.Timer!.Value));
        var synSent = Assert.Single(s.Connections, c => c.Local == "127.0.0.1:45906");
        Assert.Equal(("SYN-SENT", 1L, 1), (synSent.State, synSent.SendQ!.Value, synSent.Timer!.Value));
        var queued = s.Connections.Where(c => c.Local == "127.0.0.1:9090").ToList();
        Assert.Equal(5, queued.Count);
        Assert.All(queued, c => Assert.True(c.Inode is null && c.Processes.IsEmpty));
        var unix = Assert.Single(s.Listeners, l => l.Protocol == "unix");
        Assert.Equal(("/tmp/ta-capture-6SjnWA/ta.sock", 436042UL), (unix.Local, unix.Inode!.Value));
        Assert.Null(unix.RecvQ);
        Assert.Equal(436035UL, Assert.Single(s.Listeners, l => l.Local == "127.0.0.1:9090").Inode);
    }

    [Fact]
    public void Wide_and_narrow_neopa_give_the_same_sockets()
    {
        var narrow = CaptureRender.Parse("netstat_-neopa.txt");
        var wide = CaptureRender.Parse("netstat_-W_-neopa.txt");
        static IEnumerable<string> Strip(IEnumerable<string> lines) => lines.Select(l => l[..l.IndexOf(" @", StringComparison.Ordinal)]);
        Assert.Equal(Strip(narrow.Listeners.Select(CaptureRender.Line)), Strip(wide.Listeners.Select(CaptureRender.Line)));
        Assert.Equal(Strip(narrow.Connections.Select(CaptureRender.Line)), Strip(wide.Connections.Select(CaptureRender.Line)));
        Assert.Equal(22, narrow.Listeners.Count + narrow.Connections.Count);
    }

    [Fact]
    public void Tanp_programs_and_orphans()
    {
        var s = CaptureRender.Parse("netstat_-tanp.txt");
        Assert.Equal(5, s.Listeners.Count);
        Assert.Equal(15, s.Connections.Count);
        Assert.All(s.Listeners, l => Assert.Equal([new ProcessRef(30970, "python3")], l.Processes.ToArray()));
    }

    [Fact]
    public void German_output_is_read_by_row_shape_with_translated_states_and_timer_words()
    {
        var s = CaptureRender.Parse("netstat_-tanpo_de.txt");
        Assert.Equal(5, s.Listeners.Count);
        Assert.Equal(12, s.Connections.Count(c => c.State == "ESTAB"));       // printed VERBUNDEN (po/de.po)
        Assert.Equal(3, s.Connections.Count(c => c.State == "SYN-SENT"));
        // "aus (0.00/0/0)" is off, "ein (0,20/0/0)" the retransmit timer of the three SYN-SENT sockets
        Assert.All(s.Connections, c => Assert.Equal(c.State == "SYN-SENT" ? 1 : 0, c.Timer));
        var notes = NoteDiagnostics.FromNotes(s.Notes);
        Assert.DoesNotContain(notes, d => d.Severity >= Severity.Warning);
        Assert.DoesNotContain(notes, d => d.Message.Contains("state word netstat translated", StringComparison.Ordinal));
    }

    [Fact]
    public void Japanese_headers_and_timer_words_do_not_matter()
    {
        var s = CaptureRender.Parse("netstat_-nao_ja.txt");
        Assert.Equal("tcp 127.0.0.1:9090 rq=5 sq=? - @netstat_-nao_ja.txt:4", CaptureRender.Line(Assert.Single(s.Listeners, l => l.Port == 9090)));
        Assert.Equal(12, s.Connections.Count(c => c.State == "ESTAB"));
        Assert.DoesNotContain(NoteDiagnostics.FromNotes(s.Notes), d => d.Severity >= Severity.Warning);
    }
}
