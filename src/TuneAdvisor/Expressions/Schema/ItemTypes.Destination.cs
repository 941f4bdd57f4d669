using System.Runtime.InteropServices;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Snapshots;
using static TuneAdvisor.Expressions.Schema.Members;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>
/// A remote address and port that this host's TCP connections (non-listening sockets, any state, TIME-WAIT
/// included) lead to, with the ephemeral ports they use. connect() needs a local port that no other socket uses
/// towards the same destination from the same local address, so the ports run out per (local address,
/// destination): <see cref="Ephemeral"/> is the count of the busiest local address (<see cref="Source"/>).
/// <para>
/// A socket uses an ephemeral port when its local port is one connect() may pick (<see cref="EphemeralPorts"/>: inside
/// net.ipv4.ip_local_port_range, not reserved) and no TCP listener of the snapshot holds that port: a socket on a
/// listener's port was accepted there (a server's own TIME-WAIT sockets included) and used no ephemeral port. Ports
/// that listeners hold inside the range are not usable either (connect() skips every port bind() took).
/// </para>
/// <para>
/// A row cut in the paste counts where its local and peer addresses were read whole (its state comes before them);
/// one whose peer address was cut could lead anywhere and one whose local address was cut could use any port, so
/// they widen the counts into ranges instead (N to N + such rows).
/// </para>
/// </summary>
public sealed record DestinationItem(string Remote, string Address, int Port)
{
    /// <summary>Every TCP connection towards it whose row names it whole.</summary>
    public int Sockets { get; init; }

    /// <summary>The ports connect() may pick, or null when they are unknown (<see cref="PortsUnknown"/> says why).</summary>
    public int? UsablePorts { get; init; }

    public string? PortsUnknown { get; init; }

    /// <summary>The local address with the most ephemeral ports towards it (null when none uses one or the range is unknown).</summary>
    public string? Source { get; init; }

    /// <summary>Ephemeral ports in use towards it from <see cref="Source"/> (0 when none; null when the range is unknown).</summary>
    public int? Ephemeral { get; init; }

    /// <summary>Of <see cref="Ephemeral"/>, those in TIME-WAIT.</summary>
    public int? TimeWait { get; init; }

    /// <summary>Rows that may add to <see cref="Ephemeral"/>: towards it with a cut local address, or with a cut peer address anywhere.</summary>
    public int Uncertain { get; init; }

    /// <summary>How many local addresses use ephemeral ports towards it.</summary>
    public int? Sources { get; init; }

    public double? Fill(int ephemeral) => UsablePorts is > 0 and var u ? (double)ephemeral / u : null;

    public string Subject => $"destination {Remote}";
}

/// <summary>Builds the destination items of a snapshot once.</summary>
internal static class DestinationItems
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SystemSnapshot, object[]> Cache = new();

    public static IReadOnlyList<object> Of(SystemSnapshot snapshot) => Cache.GetValue(snapshot, Build);

    /// <summary>"10.0.0.5:5432", "[2001:db8::5]:443".</summary>
    public static string Format(string address, int port) => address.Contains(':') ? $"[{address}]:{port}" : $"{address}:{port}";

    private static object[] Build(SystemSnapshot snapshot)
    {
        var ports = EphemeralPorts.TryParse(Value(snapshot, "net.ipv4.ip_local_port_range"), Value(snapshot, "net.ipv4.ip_local_reserved_ports"), out var why);
        var listening = snapshot.Listeners.Where(l => l.Protocol == "tcp" && l.Port is not null).Select(l => l.Port!.Value).ToHashSet();
        int? usable = ports is null ? null : ports.RangeSize - ports.ReservedInRange - listening.Count(ports.Contains);

        // A server has a destination per client: one struct per destination in the map, no object until the items.
        var groups = new Dictionary<(string Address, int Port), Group>();
        int peerCut = 0;
        foreach (var c in snapshot.Connections)
        {
            if (c.Protocol != "tcp")
                continue;
            if (c.RemoteAddress is null || c.RemotePort is null)
            {
                peerCut++;
                continue;
            }
            ref var g = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, (c.RemoteAddress, c.RemotePort.Value), out bool existed);
            if (!existed)
                g.Remote = IsFormatted(c.Remote, c.RemoteAddress, c.RemotePort.Value) ? c.Remote : Format(c.RemoteAddress, c.RemotePort.Value);
            g.Sockets++;
            if (c.LocalAddress is null || c.LocalPort is null)
            {
                g.LocalCut++;
                continue;
            }
            if (ports is null || !ports.Contains(c.LocalPort.Value) || listening.Contains(c.LocalPort.Value))
                continue;
            g.BySource ??= new(StringComparer.Ordinal);
            ref var use = ref CollectionsMarshal.GetValueRefOrAddDefault(g.BySource, c.LocalAddress, out _);
            use.Ports++;
            if (c.State == "TIME-WAIT")
                use.TimeWait++;
        }

        var sorted = groups.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key.Address, b.Key.Address) is var c && c != 0 ? c : a.Key.Port.CompareTo(b.Key.Port));
        var items = new object[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            var ((address, port), g) = sorted[i];
            string? source = null;
            (int Ports, int TimeWait) busiest = default;
            foreach (var (local, use) in g.BySource ?? [])
                if (source is null || use.Ports > busiest.Ports || (use.Ports == busiest.Ports && string.CompareOrdinal(local, source) < 0))
                    (source, busiest) = (local, use);
            items[i] = new DestinationItem(g.Remote!, address, port)
            {
                Sockets = g.Sockets,
                UsablePorts = usable,
                PortsUnknown = ports is null ? why : null,
                Source = source,
                Ephemeral = ports is null ? null : busiest.Ports,
                TimeWait = ports is null ? null : busiest.TimeWait,
                Sources = ports is null ? null : g.BySource?.Count ?? 0,
                Uncertain = g.LocalCut + peerCut,
            };
        }
        return items;
    }

    /// <summary>Whether the row's printed remote already is <see cref="Format"/>'s text (IPv4 "addr:port"), so it need not be built again.</summary>
    private static bool IsFormatted(string printed, string address, int port) =>
        !address.Contains(':') && printed.Length > address.Length + 1 && printed.StartsWith(address, StringComparison.Ordinal)
        && printed[address.Length] == ':'
        && int.TryParse(printed.AsSpan(address.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p)
        && p == port;

    private static string? Value(SystemSnapshot snapshot, string key) => snapshot.Sysctls.TryGetValue(key, out var e) ? e.Value : null;

    private struct Group
    {
        /// <summary>The destination as printed ("10.0.0.5:5432"; IPv6 in brackets), from its first row.</summary>
        public string? Remote;
        public int Sockets;
        public int LocalCut;
        /// <summary>Ephemeral ports in use per local address; null while none is (most destinations of a server).</summary>
        public Dictionary<string, (int Ports, int TimeWait)>? BySource;
    }
}

public static partial class ItemTypes
{
    /// <summary>What the port counts need beyond connections: a rule that reads them is not applicable without sysctls.</summary>
    private static readonly Requirement PortRange = new("the ephemeral port range (net.ipv4.ip_local_port_range)", [SnapshotCapability.Sysctls]);

    public static readonly ItemType Destination = Item("destination",
        Str<DestinationItem>("remote", "the destination as address:port ([v6]:port for IPv6)", d => d.Remote),
        Str<DestinationItem>("address", "the destination address", d => d.Address),
        Num<DestinationItem>("port", ExprType.Integer, "the destination port", d => d.Port),
        Num<DestinationItem>("sockets", ExprType.Integer, "TCP connections towards it, in any state, whatever their local port", d => d.Sockets),
        Ports(Ranged<DestinationItem>("ephemeral", ExprType.Integer,
            "ephemeral ports in use towards it from the busiest local address (any state, TIME-WAIT included); a range when cut rows may add to it",
            d => d.Ephemeral, d => d.Ephemeral + d.Uncertain, d => UncertainWhy(d, "ephemeral", d.Ephemeral), d => d.PortsUnknown!)),
        Ports(Ranged<DestinationItem>("time_wait", ExprType.Integer, "of the ephemeral ones, those in TIME-WAIT",
            d => d.TimeWait, d => d.TimeWait + d.Uncertain, d => UncertainWhy(d, "time_wait", d.TimeWait), d => d.PortsUnknown!)),
        Ports(Num<DestinationItem>("usable_ports", ExprType.Integer,
            "ports connect() may pick: net.ipv4.ip_local_port_range minus net.ipv4.ip_local_reserved_ports and the ports TCP listeners hold inside it",
            d => d.UsablePorts, d => d.PortsUnknown!)),
        Ports(Ranged<DestinationItem>("fill", ExprType.Percent, "ephemeral / usable_ports",
            d => d.Ephemeral is { } e ? d.Fill(e) : null, d => d.Ephemeral is { } e ? d.Fill(e + d.Uncertain) : null,
            d => UncertainWhy(d, "ephemeral", d.Ephemeral) + $" (of {d.UsablePorts} usable ports)",
            d => d.PortsUnknown ?? "net.ipv4.ip_local_port_range leaves no usable port")),
        Ports(Bool<DestinationItem>("outgoing",
            "true when a connection towards it, in a row that names it whole, uses an ephemeral port: this host connects out to it (unknown without the port range)",
            d => d.Ephemeral is { } e ? e > 0 : null, d => d.PortsUnknown!)),
        Str<DestinationItem>("source", "the local address with the most ephemeral ports towards it (unknown when none uses one)", d => d.Source,
            "no connection towards it uses an ephemeral port"),
        Ports(Num<DestinationItem>("sources", ExprType.Integer, "local addresses that use ephemeral ports towards it (each has the whole range)",
            d => d.Sources, d => d.PortsUnknown!)));

    private static MemberDefinition Ports(MemberDefinition member) => member with { Requires = PortRange };

    private static string UncertainWhy(DestinationItem d, string member, int? exact) =>
        $"{member} of destination {d.Remote} is {exact} to {exact + d.Uncertain}: {d.Uncertain} row(s) cut in the paste "
        + "(a cut peer address could be this destination, a cut local address any port) are counted nowhere and may add to it";
}
