using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Collection.Netlink;

public sealed class UnixDiagParserTests
{
    [Fact]
    public void CapturedListenersMatchSsXl()
    {
        var (sockets, parser) = CapturedDump.Unix("unix.bin");
        Assert.Equal(NetlinkDumpStatus.Done, parser.Status);
        var expected = SsTable.Parse(CapturedDump.Text("ss-xl.txt"))
            .Select(r => $"{r.Netid} {r.RecvQ} {r.SendQ} {r.Local}").Order(StringComparer.Ordinal);
        var actual = sockets.Select(s => $"{(s.Type == 1 ? "u_str" : "u_seq")} {s.RecvQueue} {s.SendQueue} {s.Name}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void PathSocketsHaveAVfsInodeAndAbstractOnesDoNot()
    {
        var (sockets, _) = CapturedDump.Unix("unix.bin");
        var path = Assert.Single(sockets, s => s.Name == "/tmp/ta-capture.sock");
        Assert.NotNull(path.VfsInode);
        Assert.Equal(10, path.State);
        Assert.Equal(7L, path.SendQueue);
        var abstractName = Assert.Single(sockets, s => s.Name == "@ta-capture-abstract");
        Assert.Null(abstractName.VfsInode);
        var listener = SockDiagRecords.Listener(abstractName, []);
        Assert.Equal("unix", listener.Protocol);
        Assert.Equal("@ta-capture-abstract", listener.Local);
        Assert.Equal(3L, listener.SendQ);
        Assert.Equal(abstractName.Inode, listener.Inode);
        var seq = Assert.Single(sockets, s => s.Type == 5);
        Assert.Equal(1L, seq.RecvQueue);
    }

    [Fact]
    public void AbstractNamesShowEveryNulAsAt()
    {
        Assert.Equal("@a@b", UnixDiagParser.FormatName([0, (byte)'a', 0, (byte)'b']));
        Assert.Equal("/run/x.sock", UnixDiagParser.FormatName([.. "/run/x.sock"u8, 0]));
        Assert.Null(UnixDiagParser.FormatName([]));
    }
}
