using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Decodes each reply of an inet_diag dump into a shared list. On a retry (<see cref="Reset"/>) it drops only what
/// this dump added, so one list can hold the IPv4 and IPv6 dumps of several protocols.
/// </summary>
public sealed class InetDiagSink : INetlinkDumpSink
{
    private readonly int _protocol;
    private readonly SocketAddressFormatter _formatter;
    private readonly CongestionNames _congestion;
    private readonly int _mark;

    public InetDiagSink(int protocol, List<InetDiagSocket> sockets, SocketAddressFormatter formatter, CongestionNames congestion)
    {
        _protocol = protocol;
        Sockets = sockets;
        _formatter = formatter;
        _congestion = congestion;
        _mark = sockets.Count;
    }

    public List<InetDiagSocket> Sockets { get; }

    /// <summary>Messages that could not be decoded, or decoded with a skipped attribute.</summary>
    public int ProblemCount { get; private set; }

    /// <summary>The first such problem, in words.</summary>
    public string? FirstProblem { get; private set; }

    public void Reset()
    {
        Sockets.RemoveRange(_mark, Sockets.Count - _mark);
        ProblemCount = 0;
        FirstProblem = null;
    }

    public void OnMessage(scoped in NetlinkMessage message)
    {
        if (InetDiagParser.TryParse(message.Payload, _protocol, _formatter, _congestion, out var socket, out var problem))
            Sockets.Add(socket);
        if (problem is not null)
        {
            ProblemCount++;
            FirstProblem ??= problem;
        }
    }
}
