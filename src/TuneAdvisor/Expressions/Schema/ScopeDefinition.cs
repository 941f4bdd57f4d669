using System.Collections.Immutable;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>
/// A rule scope: what the evaluator iterates (host once, every listener, …), the name the item has in conditions,
/// how a finding names its subject, and the data a source must provide for the scope to apply at all: any one of
/// <paramref name="Requires"/> (a CPU's record comes from softnet_stat or /proc/softirqs; a member that needs one of
/// them says so itself, <see cref="MemberDefinition.Requires"/>).
/// </summary>
public sealed record ScopeDefinition(
    string Name,
    ItemType? ItemType,
    string Collection,
    Func<SystemSnapshot, IReadOnlyList<object>> Items,
    Func<object, string> Subject,
    SnapshotCapability[]? Requires)
{
    /// <summary>The name the current item has inside conditions (e.g. <c>listener</c>), or null for the host scope.</summary>
    public string? ItemName => ItemType?.Name;

    /// <summary>What the items are in a report reader's words, for "needs …, which this source cannot provide".</summary>
    public string Describes { get; init; } = Collection;
}

/// <summary>The scopes, explicitly listed.</summary>
public static class Scopes
{
    private static readonly object[] HostItems = [new object()];

    public static readonly ScopeDefinition Host = new("host", null, "", _ => HostItems, _ => "host", null);

    public static readonly ScopeDefinition Listener = new("listener", ItemTypes.Listener, "listeners",
        s => s.Listeners.CastArray<object>(), o => { var l = (ListenerInfo)o; return $"listener {l.Protocol} {l.Local}"; }, [SnapshotCapability.Listeners]) { Describes = "listening sockets" };

    public static readonly ScopeDefinition Connection = new("connection", ItemTypes.Connection, "connections",
        s => s.Connections.CastArray<object>(), o => { var c = (ConnectionInfo)o; return $"connection {c.Protocol} {c.Local} -> {c.Remote}"; }, [SnapshotCapability.Connections]);

    public static readonly ScopeDefinition Socket = new("socket", ItemTypes.Socket, "sockets",
        s => [.. s.Listeners.Select(l => (object)new SocketItem(l, null)), .. s.Connections.Select(c => (object)new SocketItem(null, c))],
        o => { var k = (SocketItem)o; return $"socket {k.Protocol} {k.State} {k.Local} -> {k.Remote}"; }, [SnapshotCapability.Listeners]);

    public static readonly ScopeDefinition Interface = new("interface", ItemTypes.Interface, "interfaces",
        s => s.Interfaces.CastArray<object>(), o => $"interface {((InterfaceInfo)o).Name}", [SnapshotCapability.Interfaces]) { Describes = "network interfaces" };

    public static readonly ScopeDefinition Cpu = new("cpu", ItemTypes.Cpu, "cpus",
        s => s.Softnet.CastArray<object>(), o => $"cpu {((SoftnetCpu)o).Cpu}", [SnapshotCapability.Softnet, SnapshotCapability.Softirqs]) { Describes = "per-CPU softnet statistics" };

    public static readonly ScopeDefinition Process = new("process", ItemTypes.Process, "processes",
        s => s.Processes.CastArray<object>(), o => { var p = (ProcessInfo)o; return $"process {p.Name}({p.Pid})"; }, [SnapshotCapability.Processes]) { Describes = "process details (open files and their limits)" };

    public static readonly ScopeDefinition Peer = new("peer", ItemTypes.Peer, "peers",
        s => s.Peers.CastArray<object>(), o => $"peer {((PeerTraffic)o).Remote}", [SnapshotCapability.Rates]) { Describes = "per-peer traffic (two samples)" };

    public static readonly ScopeDefinition Sysctl = new("sysctl", ItemTypes.Sysctl, "sysctls",
        s => s.Sysctls.Select(kv => (object)SysctlItem.Of(s, kv.Key, kv.Value)).ToArray(), o => $"sysctl {((SysctlItem)o).Key}", null) { Describes = "sysctl values" };

    /// <summary>Backlogs applications are configured to ask for (nginx, Redis, HAProxy, php-fpm), read from an image or host.</summary>
    public static readonly ScopeDefinition App = new("app", ItemTypes.App, "apps",
        s => s.AppConfigs.CastArray<object>(), o => { var a = (AppListenConfig)o; return a.Listen.Length > 0 ? $"app {a.App} {a.Listen}" : $"app {a.App}"; }, [SnapshotCapability.AppConfigs]) { Describes = "application listen settings (nginx, Redis, HAProxy, PHP-FPM)" };

    /// <summary>
    /// Every process with the TCP connections it holds, and one group for connections whose process is unknown: an
    /// aggregate over <see cref="SystemSnapshot.Connections"/> (see <see cref="OwnerItem"/>), pid order, the unknown group last.
    /// </summary>
    public static readonly ScopeDefinition Owner = new("owner", ItemTypes.Owner, "owners",
        OwnerItems.Of, o => ((OwnerItem)o).Subject, [SnapshotCapability.Connections]) { Describes = "connections (to group them by process)" };

    /// <summary>
    /// Every remote address:port that TCP connections lead to, with the ephemeral ports used towards it: an aggregate
    /// over <see cref="SystemSnapshot.Connections"/> (see <see cref="DestinationItem"/>), in address and port order.
    /// </summary>
    public static readonly ScopeDefinition Destination = new("destination", ItemTypes.Destination, "destinations",
        DestinationItems.Of, o => ((DestinationItem)o).Subject, [SnapshotCapability.Connections]) { Describes = "connections (to group them by destination)" };

    public static ImmutableArray<ScopeDefinition> All { get; } = [Host, Sysctl, Listener, Connection, Socket, Interface, Cpu, Process, Peer, App, Owner, Destination];

    public static ScopeDefinition? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
