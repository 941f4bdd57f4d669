using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Collection.Netlink;

/// <summary>Decodes the sock_diag replies captured by TestFiles/Netlink/capture.py (datagrams back to back).</summary>
internal static class CapturedDump
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestFiles", "Netlink", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    /// <summary>The nlmsg_seq of the first message (capture.py uses 1000 + dump index).</summary>
    public static uint FirstSequence(byte[] bytes) => BitConverter.ToUInt32(bytes, 8);

    public static (List<InetDiagSocket> Sockets, NetlinkDumpParser Parser, InetDiagSink Sink) Inet(string name, int protocol)
    {
        var bytes = Bytes(name);
        var sockets = new List<InetDiagSocket>();
        var sink = new InetDiagSink(protocol, sockets, new SocketAddressFormatter(i => i == 1 ? "lo" : null), new CongestionNames());
        var parser = new NetlinkDumpParser(FirstSequence(bytes));
        parser.Feed(bytes, sink);
        return (sockets, parser, sink);
    }

    public static (List<UnixDiagSocket> Sockets, NetlinkDumpParser Parser) Unix(string name)
    {
        var bytes = Bytes(name);
        var sink = new UnixDiagSink();
        var parser = new NetlinkDumpParser(FirstSequence(bytes));
        parser.Feed(bytes, sink);
        return (sink.Sockets, parser);
    }
}
