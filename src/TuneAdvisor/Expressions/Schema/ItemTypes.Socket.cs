using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Snapshots;
using static TuneAdvisor.Expressions.Schema.Members;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>Any socket, listening or not, as one scope item.</summary>
public sealed record SocketItem(ListenerInfo? Listener, ConnectionInfo? Connection)
{
    public string Protocol => Listener?.Protocol ?? Connection!.Protocol;
    public string State => Listener is not null ? (Listener.Protocol == "udp" ? "UNCONN" : "LISTEN") : Connection!.State;
    public string Local => Listener?.Local ?? Connection!.Local;
    public string Remote => Listener is not null ? "*" : Connection!.Remote;
}

public static partial class ItemTypes
{
    public static readonly ItemType Socket = Item("socket",
        Str<SocketItem>("protocol", "tcp, udp or unix", s => s.Protocol),
        Str<SocketItem>("state", "LISTEN, UNCONN, ESTAB, TIME-WAIT, … as ss prints it", s => s.State),
        Str<SocketItem>("local", "local address", s => s.Local),
        Str<SocketItem>("remote", "remote address (* for listeners)", s => s.Remote),
        Num<SocketItem>("local_port", ExprType.Integer, "local port", s => s.Listener?.Port ?? s.Connection!.LocalPort),
        Str<SocketItem>("remote_address", "remote address without port", s => s.Connection?.RemoteAddress),
        Num<SocketItem>("remote_port", ExprType.Integer, "remote port", s => s.Connection?.RemotePort),
        Bounded<SocketItem>("recv_q", ExprType.Integer, "Recv-Q", s => s.Listener is not null ? s.Listener.RecvQ : s.Connection!.RecvQ,
            s => (s.Listener?.RecvQAtLeast ?? s.Connection!.RecvQAtLeast) == true,
            s => CutQueue("Recv-Q", s.Protocol, s.Local, s.Listener is not null ? s.Listener.RecvQ : s.Connection!.RecvQ, s.Listener?.Source ?? s.Connection!.Source)),
        Bounded<SocketItem>("send_q", ExprType.Integer, "Send-Q", s => s.Listener is not null ? s.Listener.SendQ : s.Connection!.SendQ,
            s => (s.Listener is not null ? s.Listener.SendQAtLeast : s.Connection!.SendQAtLeast) == true,
            s => CutQueue("Send-Q", s.Protocol, s.Local, s.Listener is not null ? s.Listener.SendQ : s.Connection!.SendQ, s.Listener?.Source ?? s.Connection!.Source)),
        Str<SocketItem>("process", "processes holding the socket", s => JoinNames(s.Listener?.Processes ?? s.Connection!.Processes), "no process is known for this socket"));
}
