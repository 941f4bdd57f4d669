using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Collection.Netlink;

/// <summary>Decodes the replies capture.py recorded on kernel 6.18 and checks them against `ss` at the same moment.</summary>
public sealed class InetDiagParserTests
{
    private static List<InetDiagSocket> Tcp() =>
        [.. CapturedDump.Inet("tcp4.bin", 6).Sockets, .. CapturedDump.Inet("tcp6.bin", 6).Sockets];

    private static InetDiagSocket One(IEnumerable<InetDiagSocket> sockets, string local, string remote) =>
        Assert.Single(sockets, s => s.Local == local && s.Remote == remote);

    [Fact]
    public void EveryTcpRowOfSsIsDecodedWithTheSameStateAndQueues()
    {
        var expected = SsTable.Parse(CapturedDump.Text("ss-tani.txt"))
            .Select(r => $"{r.State} {r.RecvQ} {r.SendQ} {r.Local} {r.Peer}")
            .Order(StringComparer.Ordinal);
        var actual = Tcp()
            .Select(s => $"{TcpStates.Name(s.State, "tcp")} {s.RecvQueue} {s.SendQueue} {s.Local} {s.Remote}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ListenerQueuesAreAcceptQueueAndBacklog()
    {
        var l = One(Tcp(), "127.0.0.1:8080", "0.0.0.0:*");
        Assert.Equal(10, l.State);
        Assert.Equal(3u, l.RecvQueue);   // backlog 2 admits limit + 1
        Assert.Equal(2u, l.SendQueue);
        Assert.Equal("127.0.0.1", l.LocalAddress);
        Assert.Equal(8080, l.LocalPort);
        Assert.NotEqual(0u, l.Inode);
        Assert.Equal("bbr", l.Congestion);
        Assert.Equal(1L, l.Memory!.Drops);  // the fourth client's SYN was dropped: the accept queue was full
        Assert.Equal(3u, l.Info!.Unacked);  // LISTEN: tcpi_unacked = accept queue, tcpi_sacked = limit
        Assert.Equal(2u, l.Info.Sacked);
    }

    [Fact]
    public void WildcardsFollowSsDualStackAndV6Only()
    {
        var dual = One(Tcp(), "*:9000", "*:*");
        Assert.Equal("*", dual.LocalAddress);
        Assert.False(dual.V6Only);
        var only6 = One(Tcp(), "[::]:9001", "[::]:*");
        Assert.Equal("::", only6.LocalAddress);
        Assert.True(only6.V6Only);
        Assert.Equal(32u, only6.SendQueue);
        var loop6 = One(Tcp(), "[::1]:8443", "[::]:*");
        Assert.Equal(128u, loop6.SendQueue);
        Assert.Equal(10, loop6.Family);
    }

    [Fact]
    public void MappedIpv4IsNormalisedAndCarriesTcpInfoCounters()
    {
        var server = One(Tcp(), "127.0.0.1:9000", "127.0.0.1:36256");
        Assert.Equal(10, server.Family);
        Assert.Equal("127.0.0.1", server.RemoteAddress);
        var info = server.Info!;
        Assert.Equal(280, info.Length);
        Assert.Equal(3000ul, info.BytesSent);
        Assert.Equal(3000ul, info.BytesAcked);
        Assert.Equal(1u, info.DataSegsOut);
        Assert.Equal(11u, info.SndCwnd);
        Assert.Equal(100352u, info.SndWnd);
        Assert.Equal(5u, info.Rtt);       // ss: rtt:0.005/0.002
        Assert.Equal(2u, info.RttVar);
        Assert.Equal(4u, info.MinRtt);
        Assert.Equal(100352000000ul / 8, info.DeliveryRate);  // ss prints bytes/s x 8
        Assert.NotNull(info.TotalRtoTimeMs);

        var client = One(Tcp(), "127.0.0.1:36256", "127.0.0.1:9000");
        Assert.Equal(2900u, client.RecvQueue);
        Assert.Equal(3000ul, client.Info!.BytesReceived);
    }

    [Fact]
    public void UnreadBytesAndSynSentShowInTheQueues()
    {
        var server = One(Tcp(), "[::1]:8443", "[::1]:38172");
        Assert.Equal(1000u, server.RecvQueue);
        Assert.Equal(1000ul, server.Info!.BytesReceived);
        var synSent = Assert.Single(Tcp(), s => s.State == 2);
        Assert.Equal(1u, synSent.SendQueue);
        Assert.Equal(8080, synSent.RemotePort);
        Assert.Equal(1, synSent.Timer);
    }

    [Fact]
    public void TimeWaitHasNoInodeNoInfoAndTimerThree()
    {
        var tw = Assert.Single(Tcp(), s => s.State == 6);
        Assert.Equal("127.0.0.1:7070", tw.Local);
        Assert.Equal(0u, tw.Inode);
        Assert.Equal(3, tw.Timer);
        Assert.Null(tw.Info);
        Assert.Null(tw.Memory);
        Assert.NotEqual(0ul, tw.Cookie);
    }

    [Fact]
    public void CapturedRecordsBecomeListenersAndConnections()
    {
        var sockets = Tcp();
        var listeners = sockets.Where(s => SockDiagRecords.IsListener(s)).Select(s => SockDiagRecords.Listener(s, [])).ToList();
        Assert.Equal(["*:9000", "127.0.0.1:7070", "127.0.0.1:8080", "[::1]:8443", "[::]:9001"], listeners.Select(l => l.Local).Order(StringComparer.Ordinal));
        var tw = SockDiagRecords.Connection(sockets.Single(s => s.State == 6), []);
        Assert.Equal("TIME-WAIT", tw.State);
        Assert.Null(tw.Inode);
        Assert.Null(tw.Uid);
        Assert.Equal("sock_diag", tw.Source);
    }

    [Fact]
    public void UdpUnconnectedSocketsAreListenersWithByteQueues()
    {
        var udp = CapturedDump.Inet("udp4.bin", 17).Sockets.Concat(CapturedDump.Inet("udp6.bin", 17).Sockets).ToList();
        var expected = SsTable.Parse(CapturedDump.Text("ss-uan.txt")).Select(r => $"{r.State} {r.RecvQ} {r.SendQ} {r.Local} {r.Peer}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, udp.Select(s => $"{TcpStates.Name(s.State, "udp")} {s.RecvQueue} {s.SendQueue} {s.Local} {s.Remote}").Order(StringComparer.Ordinal));
        var bound = SockDiagRecords.Listener(udp.Single(s => s.LocalPort == 5353), []);
        Assert.Equal("udp", bound.Protocol);
        Assert.Equal(2112, bound.RecvQ);
        Assert.Equal(0, bound.Drops);
        var connected = SockDiagRecords.Connection(udp.Single(s => s.State == 1), []);
        Assert.Equal("ESTAB", connected.State);
        Assert.Null(connected.Info);
        Assert.Null(connected.Timer);
    }

    [Fact]
    public void TooShortMessageIsRejectedWithAReason()
    {
        Assert.False(InetDiagParser.TryParse(new byte[40], 6, new SocketAddressFormatter(), new CongestionNames(), out _, out var problem));
        Assert.Contains("40 bytes", problem);
    }

    [Fact]
    public void UnknownAndPadAttributesAreSkippedAndAMalformedOneIsReported()
    {
        byte[] cong = [.. "cubic"u8, 0];
        var ok = NetlinkBytes.InetDiag(1, 80, 5000, 0, 0, 7, NetlinkBytes.Attribute(14, new byte[4]), NetlinkBytes.Attribute(99, new byte[3]),
            NetlinkBytes.Attribute(4 | 0x8000, cong));
        Assert.True(InetDiagParser.TryParse(ok, 6, new SocketAddressFormatter(), new CongestionNames(), out var s, out var problem));
        Assert.Null(problem);
        Assert.Equal("cubic", s.Congestion);
        Assert.Equal(0xDEADBEEFul | 1ul << 32, s.Cookie);
        Assert.Equal("127.0.0.1:80", s.Local);
        Assert.Equal("127.0.0.2:5000", s.Remote);
        Assert.Equal(1000u, s.Uid);

        var bad = NetlinkBytes.InetDiag(1, 80, 5000, 0, 0, 7, NetlinkBytes.Attribute(4, cong));
        bad[72] = 200; // rta_len beyond the message
        Assert.True(InetDiagParser.TryParse(bad, 6, new SocketAddressFormatter(), new CongestionNames(), out s, out problem));
        Assert.Contains("claims 200 bytes", problem);
        Assert.Null(s.Congestion);
    }

    [Fact]
    public void ATcpInfoShorterThanTheOldestLayoutIsReportedNotDecoded()
    {
        var msg = NetlinkBytes.InetDiag(1, 80, 5000, 0, 0, 7, NetlinkBytes.Attribute(2, new byte[100]));
        Assert.True(InetDiagParser.TryParse(msg, 6, new SocketAddressFormatter(), new CongestionNames(), out var s, out var problem));
        Assert.Null(s.Info);
        Assert.Contains("100 bytes", problem);
    }
}
