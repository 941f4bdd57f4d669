using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>
/// Decodes datagrams of the sock_diag TCP destroy groups: each holds SOCK_DIAG_BY_FAMILY messages laid out as a
/// dump reply (inet_diag_msg + INFO + PROTOCOL), nlmsg_seq 0. Sockets without a peer (listeners, never-connected
/// sockets: remote port 0) are counted and skipped. At most <see cref="Capacity"/> sockets are kept; the rest are
/// counted in <see cref="Overflow"/>. Pure and not thread-safe: the caller serialises <see cref="Feed"/>.
/// </summary>
public sealed class TcpDestroyDecoder
{
    private readonly SocketAddressFormatter _formatter;
    private readonly CongestionNames _congestion = new();

    public TcpDestroyDecoder(SocketAddressFormatter formatter, int capacity)
    {
        _formatter = formatter;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Decoded connections in arrival order.</summary>
    public List<ClosedSocket> Sockets { get; } = new();

    /// <summary>Connections decoded but not kept because <see cref="Capacity"/> was reached.</summary>
    public long Overflow { get; private set; }

    /// <summary>Events of sockets without a peer (listeners).</summary>
    public long WithoutPeer { get; private set; }

    /// <summary>Messages or datagrams that could not be decoded (or only partly).</summary>
    public int ProblemCount { get; private set; }

    public string? FirstProblem { get; private set; }

    public void Feed(ReadOnlySpan<byte> datagram)
    {
        var reader = new NetlinkMessageReader(datagram);
        while (reader.MoveNext())
        {
            var message = reader.Current;
            if (message.Type == NetlinkConstants.NLMSG_NOOP)
                continue;
            if (message.Type != NetlinkConstants.SOCK_DIAG_BY_FAMILY)
            {
                Problem($"unexpected netlink message type {message.Type} on the destroy groups");
                continue;
            }
            if (!InetDiagParser.TryParse(message.Payload, NetlinkConstants.IPPROTO_TCP, _formatter, _congestion, out var socket, out var problem))
            {
                Problem(problem!);
                continue;
            }
            if (problem is not null)
                Problem(problem);
            if (socket.RemotePort == 0)
            {
                WithoutPeer++;
                continue;
            }
            if (Sockets.Count >= Capacity)
            {
                Overflow++;
                continue;
            }
            Sockets.Add(new ClosedSocket
            {
                Socket = socket with { Info = null, Memory = null },
                BytesAcked = socket.Info?.BytesAcked,
                BytesReceived = socket.Info?.BytesReceived,
            });
        }
        if (reader.Problem is not null)
            Problem(reader.Problem);
    }

    /// <summary>Counts a problem found outside a datagram (a truncated receive).</summary>
    public void Problem(string problem)
    {
        ProblemCount++;
        FirstProblem ??= problem;
    }
}
