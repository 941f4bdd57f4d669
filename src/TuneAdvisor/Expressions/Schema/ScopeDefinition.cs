using System.Collections.Immutable;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>
/// A rule scope: what the evaluator iterates (host once, every listener, …), the name the item has in conditions,
/// how a finding names its subject, and the data a source must provide for the scope to apply at all: any one of
/// <paramref name="Requires"/> (a CPU's record comes from softnet_stat or /proc/softirqs; a member that needs one of
/// them says so itself, <see cref="MemberDefinition.Requires"/>).
/// <para>
/// <paramref name="Subject"/> names an item the same way in every run of the same host (a finding's fingerprint is
/// rule id + subject, and baselines match on it): never a pid, an inode, a socket cookie or an ephemeral port.
/// </para>
/// </summary>
public sealed record ScopeDefinition(
    string Name,
    ItemType? ItemType,
    string Collection,
    Func<SystemSnapshot, IReadOnlyList<object>> Items,
    Func<SystemSnapshot, object, string> Subject,
    SnapshotCapability[]? Requires)
{
    /// <summary>The name the current item has inside conditions (e.g. <c>listener</c>), or null for the host scope.</summary>
    public string? ItemName => ItemType?.Name;

    /// <summary>
    /// Items that share a subject are interchangeable (connections from one peer to one service, the workers of one
    /// program), not places: a rule's failing items are numbered first, so the n-th finding keeps its name from run to
    /// run however many pass beside it (<see cref="Evaluation.SubjectNamer.NumberFailuresFirst"/>). Otherwise
    /// (SO_REUSEPORT listeners) <c>#n</c> is an item's place among those sharing its name.
    /// </summary>
    public bool Interchangeable { get; init; }

    /// <summary>What the items are in a report reader's words, for "needs …, which this source cannot provide".</summary>
    public string Describes { get; init; } = Collection;
}

/// <summary>The scopes, explicitly listed.</summary>
public static class Scopes
{
    private static readonly object[] HostItems = [new object()];

    public static readonly ScopeDefinition Host = new("host", null, "", _ => HostItems, (_, _) => "host", null);

    public static readonly ScopeDefinition Listener = new("listener", ItemTypes.Listener, "listeners",
        s => s.Listeners.CastArray<object>(), (_, o) => { var l = (ListenerInfo)o; return $"listener {l.Protocol} {l.Local}"; }, [SnapshotCapability.Listeners]) { Describes = "listening sockets" };

    public static readonly ScopeDefinition Connection = new("connection", ItemTypes.Connection, "connections",
        s => s.Connections.CastArray<object>(), (s, o) => { var c = (ConnectionInfo)o; return $"connection {c.Protocol} {ConnectionSubject.Ends(s, c)}"; }, [SnapshotCapability.Connections]) { Interchangeable = true };

    public static readonly ScopeDefinition Socket = new("socket", ItemTypes.Socket, "sockets",
        s => [.. s.Listeners.Select(l => (object)new SocketItem(l, null)), .. s.Connections.Select(c => (object)new SocketItem(null, c))],
        (s, o) => { var k = (SocketItem)o; return k.Connection is { } c ? $"socket {k.Protocol} {k.State} {ConnectionSubject.Ends(s, c)}" : $"socket {k.Protocol} {k.State} {k.Local} -> {k.Remote}"; },
        [SnapshotCapability.Listeners]) { Interchangeable = true };

    public static readonly ScopeDefinition Interface = new("interface", ItemTypes.Interface, "interfaces",
        s => s.Interfaces.CastArray<object>(), (_, o) => $"interface {((InterfaceInfo)o).Name}", [SnapshotCapability.Interfaces]) { Describes = "network interfaces" };

    public static readonly ScopeDefinition Cpu = new("cpu", ItemTypes.Cpu, "cpus",
        s => s.Softnet.CastArray<object>(), (_, o) => $"cpu {((SoftnetCpu)o).Cpu}", [SnapshotCapability.Softnet, SnapshotCapability.Softirqs]) { Describes = "per-CPU softnet statistics" };

    public static readonly ScopeDefinition Process = new("process", ItemTypes.Process, "processes",
        s => s.Processes.CastArray<object>(), (_, o) => $"process {((ProcessInfo)o).Name}", [SnapshotCapability.Processes])
    {
        Describes = "process details (open files and their limits)",
        Interchangeable = true,
    };

    public static readonly ScopeDefinition Peer = new("peer", ItemTypes.Peer, "peers",
        s => s.Peers.CastArray<object>(), (_, o) => $"peer {((PeerTraffic)o).Remote}", [SnapshotCapability.Rates]) { Describes = "per-peer traffic (two samples)" };

    public static readonly ScopeDefinition Sysctl = new("sysctl", ItemTypes.Sysctl, "sysctls",
        s => s.Sysctls.Select(kv => (object)SysctlItem.Of(s, kv.Key, kv.Value)).ToArray(), (_, o) => $"sysctl {((SysctlItem)o).Key}", null) { Describes = "sysctl values" };

    /// <summary>Backlogs applications are configured to ask for (nginx, Redis, HAProxy, php-fpm), read from an image or host.</summary>
    public static readonly ScopeDefinition App = new("app", ItemTypes.App, "apps",
        s => s.AppConfigs.CastArray<object>(), (_, o) => { var a = (AppListenConfig)o; return a.Listen.Length > 0 ? $"app {a.App} {a.Listen}" : $"app {a.App}"; }, [SnapshotCapability.AppConfigs]) { Describes = "application listen settings (nginx, Redis, HAProxy, PHP-FPM)" };

    /// <summary>
    /// Every process with the TCP connections it holds, and one group for connections whose process is unknown: an
    /// aggregate over <see cref="SystemSnapshot.Connections"/> (see <see cref="OwnerItem"/>), pid order, the unknown group last.
    /// </summary>
    public static readonly ScopeDefinition Owner = new("owner", ItemTypes.Owner, "owners",
        OwnerItems.Of, (_, o) => ((OwnerItem)o).Subject, [SnapshotCapability.Connections])
    {
        Describes = "connections (to group them by process)",
        Interchangeable = true,
    };

    /// <summary>
    /// Every remote address:port that TCP connections lead to, with the ephemeral ports used towards it: an aggregate
    /// over <see cref="SystemSnapshot.Connections"/> (see <see cref="DestinationItem"/>), in address and port order.
    /// For a connection accepted here the destination is the client's ephemeral port, a subject that changes from run
    /// to run: rules read the destinations this host connects out to (<c>where: destination.outgoing</c>).
    /// </summary>
    public static readonly ScopeDefinition Destination = new("destination", ItemTypes.Destination, "destinations",
        DestinationItems.Of, (_, o) => ((DestinationItem)o).Subject, [SnapshotCapability.Connections]) { Describes = "connections (to group them by destination)" };

    public static ImmutableArray<ScopeDefinition> All { get; } = [Host, Sysctl, Listener, Connection, Socket, Interface, Cpu, Process, Peer, App, Owner, Destination];

    public static ScopeDefinition? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
