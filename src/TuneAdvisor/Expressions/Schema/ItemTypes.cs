using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Snapshots;
using static TuneAdvisor.Expressions.Schema.Members;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>The members rules can read on each kind of scope item. This is the schema the binder checks against.</summary>
public static partial class ItemTypes
{
    /// <summary>Declared before <see cref="Listener"/>, which uses it (static fields initialise in order).</summary>
    private static readonly Value UnknownHolders = Value.Unknown("no process is known to hold this socket (a holder whose open files could not be read, or a capture without processes)");

    public static readonly ItemType Listener = Item("listener",
        Str<ListenerInfo>("protocol", "tcp, udp or unix", l => l.Protocol),
        Str<ListenerInfo>("local", "local address as ss prints it: 127.0.0.1:8080, [::]:443, /run/x.sock", l => l.Local),
        Str<ListenerInfo>("address", "local address without the port", l => l.Address ?? l.Local),
        Num<ListenerInfo>("port", ExprType.Integer, "local port (unknown for UNIX sockets)", l => l.Port),
        Bounded<ListenerInfo>("recv_q", ExprType.Integer, "Recv-Q: connections waiting in the accept queue (bytes for UDP)", l => l.RecvQ,
            l => l.RecvQAtLeast == true, l => CutQueue("Recv-Q", l.Protocol, l.Local, l.RecvQ, l.Source)),
        Bounded<ListenerInfo>("send_q", ExprType.Integer, "Send-Q: the backlog limit min(backlog, somaxconn) (bytes for UDP)", l => l.SendQ,
            l => l.SendQAtLeast == true, l => CutQueue("Send-Q", l.Protocol, l.Local, l.SendQ, l.Source),
            l => l.Truncated == true
                ? $"the backlog limit of {l.Protocol} {l.Local} is unknown: the row was cut before its Send-Q ({DescribeSource(l.Source)})"
                : $"the backlog limit of {l.Protocol} {l.Local} is unknown: {DescribeSource(l.Source)} does not report it (netstat and /proc/net/tcp print 0 for listeners)"),
        Num<ListenerInfo>("drops", ExprType.Integer, "packets this socket dropped (sk_drops)", l => l.Drops),
        Num<ListenerInfo>("uid", ExprType.Integer, "owner uid", l => l.Uid),
        Str<ListenerInfo>("process", "names of the processes holding the socket, comma-separated", l => JoinNames(l.Processes), "no process is known for this socket"),
        Num<ListenerInfo>("pid", ExprType.Integer, "the lowest pid holding the socket", l => l.Processes.IsDefaultOrEmpty ? null : l.Processes.Min(p => p.Pid)),
        new MemberDefinition("pids", ExprType.IntegerList, "every pid holding the socket, sorted (unknown when no process is known: a holder whose open files could not be read, or a capture without processes): process.pid in it.pids",
            o => ((ListenerInfo)o).Processes is { IsDefaultOrEmpty: false } holders ? Value.FromList([.. holders.Select(p => (long)p.Pid).Distinct().Order()]) : UnknownHolders),
        Str<ListenerInfo>("source", "where this row came from", l => l.Source));

    public static readonly ItemType Interface = Item("interface",
        Str<InterfaceInfo>("name", "interface name", i => i.Name),
        Counter<InterfaceInfo>("rx_bytes", ExprType.Bytes, "bytes received", i => i.RxBytes, i => D(i, "rxBytes")),
        Counter<InterfaceInfo>("rx_packets", ExprType.Integer, "packets received", i => i.RxPackets, i => D(i, "rxPackets")),
        Counter<InterfaceInfo>("rx_errors", ExprType.Integer, "receive errors", i => i.RxErrors, i => D(i, "rxErrors")),
        Counter<InterfaceInfo>("rx_dropped", ExprType.Integer, "/proc/net/dev drop: rx_dropped + rx_missed_errors", i => i.RxDropped, i => D(i, "rxDropped")),
        Counter<InterfaceInfo>("rx_fifo", ExprType.Integer, "receive FIFO errors", i => i.RxFifo, i => D(i, "rxFifo")),
        Counter<InterfaceInfo>("rx_frame", ExprType.Integer, "receive frame errors (length, over, crc, frame)", i => i.RxFrame, i => D(i, "rxFrame")),
        Counter<InterfaceInfo>("rx_missed", ExprType.Integer, "rx_missed_errors: the NIC ring was full", i => S(i, "rx_missed_errors"), i => D(i, "rx_missed_errors")),
        Counter<InterfaceInfo>("rx_crc_errors", ExprType.Integer, "CRC errors", i => S(i, "rx_crc_errors"), i => D(i, "rx_crc_errors")),
        Counter<InterfaceInfo>("tx_bytes", ExprType.Bytes, "bytes sent", i => i.TxBytes, i => D(i, "txBytes")),
        Counter<InterfaceInfo>("tx_packets", ExprType.Integer, "packets sent", i => i.TxPackets, i => D(i, "txPackets")),
        Counter<InterfaceInfo>("tx_errors", ExprType.Integer, "transmit errors", i => i.TxErrors, i => D(i, "txErrors")),
        Counter<InterfaceInfo>("tx_dropped", ExprType.Integer, "transmit drops (qdisc or ring)", i => i.TxDropped, i => D(i, "txDropped")),
        Counter<InterfaceInfo>("tx_fifo", ExprType.Integer, "transmit FIFO errors", i => i.TxFifo, i => D(i, "txFifo")),
        Counter<InterfaceInfo>("tx_collisions", ExprType.Integer, "collisions", i => i.TxCollisions, i => D(i, "txCollisions")),
        Counter<InterfaceInfo>("tx_carrier", ExprType.Integer, "carrier errors", i => i.TxCarrier, i => D(i, "txCarrier")),
        Num<InterfaceInfo>("speed", ExprType.Integer, "link speed in Mb/s (unknown when down or not reported)", i => i.SpeedMbps,
            i => $"the link speed of {i.Name} is unknown (down, virtual, or not reported)"),
        Num<InterfaceInfo>("mtu", ExprType.Integer, "MTU", i => i.Mtu),
        Str<InterfaceInfo>("operstate", "up, down, unknown, …", i => i.OperState),
        Num<InterfaceInfo>("tx_queue_len", ExprType.Integer, "txqueuelen", i => i.TxQueueLen));

    /// <summary>A CPU's record joins two files; each member needs the one it comes from (the scope needs either).</summary>
    private static readonly Requirement SoftnetStat = new("per-CPU softnet statistics", [SnapshotCapability.Softnet]);
    private static readonly Requirement Softirqs = new("per-CPU NET_RX/NET_TX softirq counts (/proc/softirqs)", [SnapshotCapability.Softirqs]);

    public static readonly ItemType Cpu = Item("cpu",
        Num<SoftnetCpu>("cpu", ExprType.Integer, "CPU id", c => c.Cpu),
        Counter<SoftnetCpu>("processed", ExprType.Integer, "packets processed", c => c.Processed, c => D(c.Deltas, "processed")) with { Requires = SoftnetStat },
        Counter<SoftnetCpu>("dropped", ExprType.Integer, "packets dropped: the per-CPU backlog (netdev_max_backlog) was full", c => c.Dropped, c => D(c.Deltas, "dropped")) with { Requires = SoftnetStat },
        Counter<SoftnetCpu>("time_squeeze", ExprType.Integer, "net_rx_action ran out of budget with work left", c => c.TimeSqueeze, c => D(c.Deltas, "timeSqueeze")) with { Requires = SoftnetStat },
        Counter<SoftnetCpu>("received_rps", ExprType.Integer, "packets steered here by RPS", c => c.ReceivedRps, c => D(c.Deltas, "receivedRps")) with { Requires = SoftnetStat },
        Counter<SoftnetCpu>("flow_limit", ExprType.Integer, "flow limit count", c => c.FlowLimitCount, c => D(c.Deltas, "flowLimitCount")) with { Requires = SoftnetStat },
        Counter<SoftnetCpu>("net_rx", ExprType.Integer, "NET_RX softirqs handled on this CPU (net_rx_action runs; /proc/softirqs)", c => c.NetRx, c => D(c.Deltas, "netRx"),
            c => $"the NET_RX softirq count of CPU {c.Cpu} is unknown (/proc/softirqs gave none for it)") with { Requires = Softirqs },
        Counter<SoftnetCpu>("net_tx", ExprType.Integer, "NET_TX softirqs handled on this CPU (net_tx_action runs; /proc/softirqs)", c => c.NetTx, c => D(c.Deltas, "netTx"),
            c => $"the NET_TX softirq count of CPU {c.Cpu} is unknown (/proc/softirqs gave none for it)") with { Requires = Softirqs });

    public static readonly ItemType Process = Item("process",
        Num<ProcessInfo>("pid", ExprType.Integer, "process id", p => p.Pid),
        Str<ProcessInfo>("name", "command name (comm)", p => p.Name),
        Str<ProcessInfo>("cmdline", "command line", p => p.CommandLine),
        Num<ProcessInfo>("fds", ExprType.Integer, "open file descriptors", p => p.FdCount, p => p.Note ?? $"the fd count of {p.Name}({p.Pid}) is unknown"),
        Num<ProcessInfo>("nofile_soft", ExprType.Integer, "soft Max open files", p => p.NofileSoft, p => p.Note ?? "the soft open-files limit is unknown or unlimited"),
        Num<ProcessInfo>("nofile_hard", ExprType.Integer, "hard Max open files", p => p.NofileHard, p => p.Note ?? "the hard open-files limit is unknown or unlimited"),
        Num<ProcessInfo>("fd_usage", ExprType.Percent, "fds / soft Max open files", p => p.FdCount is { } f && p.NofileSoft is { } s && s > 0 ? (double)f / s : null,
            p => p.Note ?? $"fd usage of {p.Name}({p.Pid}) is unknown"));

    public static readonly ItemType Peer = Item("peer",
        Str<PeerTraffic>("remote", "remote address", p => p.Remote),
        Num<PeerTraffic>("connections", ExprType.Integer, "TCP connections with this peer", p => p.Connections),
        Num<PeerTraffic>("bytes_in", ExprType.Bytes, "payload bytes received during the window", p => p.BytesIn),
        Num<PeerTraffic>("bytes_out", ExprType.Bytes, "payload bytes acked by the peer during the window", p => p.BytesOut),
        Num<PeerTraffic>("bytes_in_rate", ExprType.Number, "bytes/s received", p => p.BytesInPerSecond),
        Num<PeerTraffic>("bytes_out_rate", ExprType.Number, "bytes/s sent (acked)", p => p.BytesOutPerSecond),
        Str<PeerTraffic>("process", "processes talking to this peer", p => p.Processes.IsDefaultOrEmpty ? null : string.Join(",", p.Processes)));

    public static readonly ItemType Sysctl = Item("sysctl",
        Str<SysctlItem>("key", "the dotted key", s => s.Key),
        Str<SysctlItem>("value", "the effective value, whitespace-normalised", s => s.Entry.Value),
        Num<SysctlItem>("number", ExprType.Integer, "the value as an integer (unknown when it is not one)", s => long.TryParse(s.Entry.Value, out var n) ? n : null,
            s => $"{s.Key} = '{s.Entry.Value}' is not an integer"),
        Str<SysctlItem>("source", "where the value came from", s => s.Entry.Source),
        Bool<SysctlItem>("is_configured", "true when sysctl.d configuration sets this key (never unknown)", s => s.Configured is not null),
        Str<SysctlItem>("configured", "the value sysctl.d configuration sets (unknown when not configured)", s => s.Configured?.Value, "not set by sysctl.d configuration"),
        Str<SysctlItem>("configured_source", "the file and line that configured it", s => s.Configured?.Source, "not set by sysctl.d configuration"),
        Bool<SysctlItem>("init_netns_only", "true when the key exists only in the initial network namespace", s => s.Entry.InitNetnsOnly));

    public static readonly ItemType App = Item("app",
        Str<AppListenConfig>("app", "the application: nginx, redis, haproxy, php-fpm", a => a.App),
        Str<AppListenConfig>("listen", "the listen address as configured (\"\" when the setting is global)", a => a.Listen),
        Num<AppListenConfig>("backlog", ExprType.Integer, "the backlog the application asks listen() for (its default when the file sets none)", a => a.Backlog),
        Str<AppListenConfig>("source", "the file and line, or the file plus \"(default)\"", a => a.Source));

    private static double? D(InterfaceInfo i, string key) => D(i.Deltas, key);

    private static double? D(IReadOnlyDictionary<string, long>? deltas, string key) =>
        deltas is not null && deltas.TryGetValue(key, out var v) ? v : null;

    private static double? S(InterfaceInfo i, string key) => i.Statistics.TryGetValue(key, out var v) ? v : null;

    internal static string? JoinNames(System.Collections.Immutable.ImmutableArray<ProcessRef> processes) =>
        processes.IsDefaultOrEmpty ? null : string.Join(",", processes.Select(p => p.Name).Distinct());

    /// <summary>The reason a cut queue value is not exact: "Recv-Q of tcp *:80 is at least 12: the row was cut inside the number (ss.txt:9)".</summary>
    internal static string CutQueue(string column, string protocol, string local, long? value, string source) =>
        $"{column} of {protocol} {local} is at least {value}: the pasted row was cut inside the number, so digits may be missing ({DescribeSource(source)})";

    private static string DescribeSource(string source) => source.Length == 0 ? "the source" : source;
}
