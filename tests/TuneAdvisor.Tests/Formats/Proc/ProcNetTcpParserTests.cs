using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Tests.Collection.Netlink;

namespace TuneAdvisor.Tests.Formats.Proc;

/// <summary>/proc/net tables captured by TestFiles/Netlink/capture.py, checked against `ss` output of the same moment.</summary>
public sealed class ProcNetTcpParserTests
{
    private static ProcNetSockets Parse(string table) =>
        ProcNetTcpParser.Parse(CapturedDump.Text($"proc-net-{table}.txt"), $"/proc/net/{table}");

    [Fact]
    public void TcpRowsMatchSsExceptTheListenerBacklogWhichIsUnknown()
    {
        var tcp = Parse("tcp");
        var tcp6 = Parse("tcp6");
        Assert.Empty(tcp.Diagnostics);
        Assert.Empty(tcp6.Diagnostics);
        var ss = SsTable.Parse(CapturedDump.Text("ss-tani.txt"));
        // /proc cannot tell a v6only wildcard from a dual-stack one, so [::]:9001 reads as *:9001 (as ss's own /proc path prints it).
        Assert.Equal(
            ss.Where(r => r.State == "LISTEN").Select(r => $"{r.RecvQ} {r.Local.Replace("[::]:", "*:")}").Order(StringComparer.Ordinal),
            tcp.Listeners.Concat(tcp6.Listeners).Select(l => $"{l.RecvQ} {l.Local}").Order(StringComparer.Ordinal));
        Assert.All(tcp.Listeners.Concat(tcp6.Listeners), l => Assert.Null(l.SendQ));
        Assert.Equal(
            ss.Where(r => r.State != "LISTEN").Select(r => $"{r.State} {r.RecvQ} {r.SendQ} {r.Local} {r.Peer}").Order(StringComparer.Ordinal),
            tcp.Connections.Concat(tcp6.Connections).Select(c => $"{c.State} {c.RecvQ} {c.SendQ} {c.Local} {c.Remote}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RowsKeepTheirSourceLineInodeAndTimer()
    {
        var tcp = Parse("tcp");
        var listener = Assert.Single(tcp.Listeners, l => l.Port == 8080);
        Assert.Equal("tcp", listener.Protocol);
        Assert.Equal("127.0.0.1", listener.Address);
        Assert.Equal(3, listener.RecvQ);
        Assert.Equal("/proc/net/tcp:2", listener.Source);
        Assert.NotNull(listener.Inode);
        Assert.Null(listener.Cookie);
        var tw = Assert.Single(tcp.Connections, c => c.State == "TIME-WAIT");
        Assert.Equal(3, tw.Timer);
        Assert.Null(tw.Inode);
        Assert.Null(tw.Uid);
        var dual = Assert.Single(Parse("tcp6").Listeners, l => l.Port == 9000);
        Assert.Equal("*:9000", dual.Local); // ss prints the v6 wildcard as * when it cannot tell v6only
    }

    [Fact]
    public void UdpBoundSocketsAreListenersWithByteQueuesAndDrops()
    {
        var udp = Parse("udp");
        var udp6 = Parse("udp6");
        var ss = SsTable.Parse(CapturedDump.Text("ss-uan.txt"));
        Assert.Equal(
            ss.Where(r => r.State == "UNCONN").Select(r => $"{r.RecvQ} {r.SendQ} {r.Local}").Order(StringComparer.Ordinal),
            udp.Listeners.Concat(udp6.Listeners).Select(l => $"{l.RecvQ} {l.SendQ} {l.Local}").Order(StringComparer.Ordinal));
        Assert.All(udp.Listeners, l => Assert.Equal(0L, l.Drops));
        var connected = Assert.Single(udp.Connections);
        Assert.Equal("ESTAB", connected.State);
        Assert.Equal("127.0.0.1:5353", connected.Remote);
        Assert.Null(connected.Timer);
    }

    [Fact]
    public void UnixListenersHaveTheirNamesButNoQueues()
    {
        var unix = Parse("unix");
        Assert.Empty(unix.Diagnostics);
        var ss = SsTable.Parse(CapturedDump.Text("ss-xl.txt"));
        Assert.Equal(ss.Select(r => r.Local).Order(StringComparer.Ordinal), unix.Listeners.Select(l => l.Local).Order(StringComparer.Ordinal));
        Assert.All(unix.Listeners, l =>
        {
            Assert.Equal("unix", l.Protocol);
            Assert.Null(l.RecvQ);
            Assert.Null(l.SendQ);
            Assert.NotNull(l.Inode);
        });
        Assert.Empty(unix.Connections);
    }

    [Fact]
    public void ATruncatedLastLineIsReportedAndTheRestKept()
    {
        var text = CapturedDump.Text("proc-net-tcp.txt");
        var cut = text[..(text.TrimEnd('\n').LastIndexOf('\n') + 40)];
        var result = ProcNetTcpParser.Parse(cut, "/proc/net/tcp");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("TA0207", d.Id);
        Assert.StartsWith("/proc/net/tcp(", d.Span.ToString());
        Assert.Equal(Parse("tcp").Connections.Length + Parse("tcp").Listeners.Length - 1, result.Connections.Length + result.Listeners.Length);
    }

    [Fact]
    public void AMalformedMiddleLineIsSkippedWithItsLineNumber()
    {
        var lines = CapturedDump.Text("proc-net-tcp.txt").Split('\n').ToList();
        lines.Insert(2, "   9: ZZZZ:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0");
        var result = ProcNetTcpParser.Parse(string.Join('\n', lines), "/proc/net/tcp");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("TA0203", d.Id);
        Assert.Equal(3, d.Span.Line);
    }

    [Fact]
    public void TheTableComesFromTheFileName()
    {
        Assert.Equal(ProcNetTable.Tcp6, ProcNetTcpParser.TableOf("sos_commands/../proc/net/tcp6"));
        var unknown = ProcNetTcpParser.Parse("", "/proc/net/raw");
        Assert.Equal("TA0202", Assert.Single(unknown.Diagnostics).Id);
    }
}
