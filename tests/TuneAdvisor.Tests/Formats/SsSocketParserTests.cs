using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>ss output captured in the scenario namespace (see <see cref="CaptureScenario"/>), one test per layout.</summary>
public sealed class SsSocketParserTests
{
    [Fact]
    public void Ltnp_listeners_have_accept_queue_backlog_and_both_processes()
    {
        var s = CaptureRender.Parse("ss_-ltnp.txt");
        Assert.Equal(
        [
            "tcp 127.0.0.1:8080 rq=0 sq=128 ta-worker/31080/3,ta-server/30970/3 @ss_-ltnp.txt:2",
            "tcp 127.0.0.1:9090 rq=5 sq=4 ta-worker/31080/4,ta-server/30970/4 @ss_-ltnp.txt:3",
            "tcp [fe80::1]%ta0:7000 rq=0 sq=16 ta-worker/31080/7,ta-server/30970/7 @ss_-ltnp.txt:4",
            "tcp *:8081 rq=0 sq=32 ta-worker/31080/6,ta-server/30970/6 @ss_-ltnp.txt:5",
            "tcp [::1]:8443 rq=0 sq=64 ta-worker/31080/5,ta-server/30970/5 @ss_-ltnp.txt:6",
        ], s.Listeners.Select(CaptureRender.Line));
        var linkLocal = s.Listeners[2];
        Assert.Equal(("fe80::1", 7000), (linkLocal.Address, linkLocal.Port));
        Assert.Equal(("*", 8081), (s.Listeners[3].Address, s.Listeners[3].Port));
        Assert.Equal(("::1", 8443), (s.Listeners[4].Address, s.Listeners[4].Port));
        Assert.Equal([SnapshotCapability.Listeners, SnapshotCapability.ListenerBacklog], s.Capabilities.Order());
        Assert.Empty(s.Connections);
    }

    [Fact]
    public void Lnt_without_process_column_reads_the_same_queues()
    {
        var s = CaptureRender.Parse("ss_-lnt.txt");
        Assert.Equal(["127.0.0.1:8080 0/128", "127.0.0.1:9090 5/4", "[fe80::1]%ta0:7000 0/16", "*:8081 0/32", "[::1]:8443 0/64"],
            s.Listeners.Select(l => $"{l.Local} {l.RecvQ}/{l.SendQ}"));
        Assert.All(s.Listeners, l => Assert.Empty(l.Processes));
    }

    [Fact]
    public void Lnu_without_netid_is_udp_with_byte_queues()
    {
        var s = CaptureRender.Parse("ss_-lnu.txt");
        Assert.Equal(["udp 127.0.0.1:5353 rq=832 sq=0 - @ss_-lnu.txt:2"], s.Listeners.Select(CaptureRender.Line));
        Assert.DoesNotContain(SnapshotCapability.ListenerBacklog, s.Capabilities);
    }

    [Fact]
    public void Tanp_lists_listeners_and_connections_in_every_state()
    {
        var s = CaptureRender.Parse("ss_-tanp.txt");
        Assert.Equal(5, s.Listeners.Count);
        Assert.Equal(12, s.Connections.Count(c => c.State == "ESTAB"));
        Assert.Equal(3, s.Connections.Count(c => c.State == "SYN-SENT"));
        var server = Assert.Single(s.Connections, c => c.Local == "127.0.0.1:8080");
        Assert.Equal("tcp ESTAB 127.0.0.1:8080 -> 127.0.0.1:49246 rq=1000 sq=0 ta-worker/31080/12,ta-server/30970/12 @ss_-tanp.txt:7", CaptureRender.Line(server));
        Assert.Equal((49246, "127.0.0.1"), (server.RemotePort!.Value, server.RemoteAddress));
        Assert.All(s.Connections.Where(c => c.State == "SYN-SENT"), c => Assert.Equal(1, c.SendQ));
        // accepted by the kernel, never by the application: in the accept queue, no process holds them
        Assert.Equal(5, s.Connections.Count(c => c.Local == "127.0.0.1:9090" && c.Processes.IsEmpty));
    }

    [Fact]
    public void Tanpi_continuation_lines_fill_tcp_info()
    {
        var s = CaptureRender.Parse("ss_-tanpi.txt");
        var client = Assert.Single(s.Connections, c => c.Local == "127.0.0.1:49246");
        var i = client.Info!;
        Assert.Equal("bbr", client.Congestion);
        Assert.Equal((38u, 22u, 204_000u, 40_000u), (i.Rtt, i.RttVar, i.Rto, i.Ato));
        Assert.Equal((35328u, 32768u, 65483u, 65535u, 11u), (i.SndMss, i.RcvMss, i.AdvMss, i.Pmtu, i.SndCwnd));
        Assert.Equal((1000UL, 1001UL, 50000UL), (i.BytesSent!.Value, i.BytesAcked!.Value, i.BytesReceived!.Value));
        Assert.Equal((5u, 4u, 1u, 2u), (i.SegsOut!.Value, i.SegsIn!.Value, i.DataSegsOut!.Value, i.DataSegsIn!.Value));
        Assert.Equal((10, 10), (i.SndWscale, i.RcvWscale));
        Assert.Equal(94208000000UL / 8, i.DeliveryRate);
        Assert.Equal(0, i.Length);
        var synSent = Assert.Single(s.Connections, c => c.Local == "127.0.0.1:45906").Info!;
        Assert.Equal((1u, 2u, 1u, 1u, 1_000_000u), (synSent.Retrans, synSent.TotalRetrans, synSent.Unacked, synSent.Lost, synSent.Rto));
        Assert.Null(synSent.BytesAcked);
        Assert.Contains(SnapshotCapability.TcpInfo, s.Capabilities);
    }

    [Fact]
    public void Peaonmi_reads_extended_memory_timer_and_unix_rows_and_ignores_netlink()
    {
        var s = CaptureRender.Parse("ss_-peaonmi.txt");
        Assert.Equal(
        [
            "unix /tmp/ta-capture-6SjnWA/ta.sock rq=0 sq=10 ta-worker/31080/9,ta-server/30970/9 @ss_-peaonmi.txt:11",
            "udp 127.0.0.1:5353 rq=832 sq=0 ta-worker/31080/8,ta-server/30970/8 @ss_-peaonmi.txt:12",
        ], s.Listeners.Take(2).Select(CaptureRender.Line));
        Assert.Equal(436042UL, s.Listeners[0].Inode);
        Assert.Equal((436040UL, 0x197dcUL), (s.Listeners[1].Inode!.Value, s.Listeners[1].Cookie!.Value));
        var overflowing = Assert.Single(s.Listeners, l => l.Local == "127.0.0.1:9090");
        Assert.Equal((5L, 4L, 9L, 436035UL, 0x197d8UL), (overflowing.RecvQ!.Value, overflowing.SendQ!.Value, overflowing.Drops!.Value, overflowing.Inode!.Value, overflowing.Cookie!.Value));
        Assert.Equal(7, s.Listeners.Count);   // 5 tcp + udp + unix; the 9 netlink rows are not sockets we keep
        var server = Assert.Single(s.Connections, c => c.Local == "127.0.0.1:8080");
        Assert.Equal(new SocketMemory(1832, 131072, 0, 3939840, 2264, 0, 0, 0, 0), server.Memory);
        Assert.Equal(436044UL, server.Inode);
        var synSent = Assert.Single(s.Connections, c => c.Local == "127.0.0.1:45906");
        Assert.Equal(1, synSent.Timer);
        Assert.Equal(832, synSent.Memory!.WmemQueued);
        var queued = s.Connections.Where(c => c.Local == "127.0.0.1:9090").ToList();
        Assert.Equal(5, queued.Count);
        Assert.All(queued, c => Assert.Null(c.Inode));   // "ino:0": no file yet
    }

    [Fact]
    public void Summary_gives_gauges()
    {
        var s = CaptureRender.Parse("ss_-s.txt");
        Assert.Equal(
            "ss.TCP=27 ss.TCP.closed=7 ss.TCP.estab=12 ss.TCP.orphaned=0 ss.TCP.timewait=0 ss.Total=22 ss.transport.FRAG.ip=0 ss.transport.FRAG.ipv6=0 " +
            "ss.transport.FRAG.total=0 ss.transport.INET.ip=18 ss.transport.INET.ipv6=3 ss.transport.INET.total=21 ss.transport.RAW.ip=0 ss.transport.RAW.ipv6=0 " +
            "ss.transport.RAW.total=0 ss.transport.TCP.ip=17 ss.transport.TCP.ipv6=3 ss.transport.TCP.total=20 ss.transport.UDP.ip=1 ss.transport.UDP.ipv6=0 ss.transport.UDP.total=1",
            string.Join(' ', s.Gauges.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Value}")));
        Assert.Empty(s.Notes);
    }

    [Fact]
    public void Old_process_list_format_without_pid_and_fd_names()
    {
        // iproute2 before 3.x printed users:(("name",pid,fd)); the parser reads both spellings.
        Assert.True(SsProcessList.TryParse("users:((\"sshd\",1026,4),(\"sshd: core [pr\",3002,5))", out var old));
        Assert.Equal([new ProcessRef(1026, "sshd", 4), new ProcessRef(3002, "sshd: core [pr", 5)], old.ToArray());
        Assert.False(SsProcessList.TryParse("users:((\"hap", out var cut));
        Assert.Empty(cut);
    }
}
