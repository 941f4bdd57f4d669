using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>The sockets of one /proc/net table (tcp, tcp6, udp, udp6 or unix) and what could not be read.</summary>
public sealed record ProcNetSockets(
    ImmutableArray<ListenerInfo> Listeners,
    ImmutableArray<ConnectionInfo> Connections,
    ImmutableArray<Diagnostic> Diagnostics);

/// <summary>Which /proc/net socket table a text is.</summary>
public enum ProcNetTable
{
    Tcp,
    Tcp6,
    Udp,
    Udp6,
    Unix,
}
