using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Snapshots;

/// <summary>A snapshot with every property of every record set (no null, no empty collection), for schema tests.</summary>
public static class FullSnapshot
{
    private static ImmutableSortedDictionary<string, long> Map(params (string Key, long Value)[] items) =>
        items.ToImmutableSortedDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);

    public static SystemSnapshot Create()
    {
        var info = new TcpInfo
        {
            Length = 280, State = 1, CaState = 0, Retransmits = 0, Probes = 0, Backoff = 0, Options = 7, SndWscale = 7, RcvWscale = 7,
            Rto = 204000, Ato = 40000, SndMss = 32768, RcvMss = 536, Unacked = 0, Sacked = 0, Lost = 0, Retrans = 0,
            LastDataSentMs = 10, LastAckSentMs = 0, LastDataRecvMs = 10, LastAckRecvMs = 10, Pmtu = 65535, RcvSsthresh = 65483,
            Rtt = 22, RttVar = 7, SndSsthresh = 2147483647, SndCwnd = 10, AdvMss = 65483, Reordering = 3, RcvRtt = 1, RcvSpace = 65483,
            TotalRetrans = 1, PacingRate = 2979000000, MaxPacingRate = ulong.MaxValue, BytesAcked = 100000, BytesReceived = 5000,
            SegsOut = 20, SegsIn = 18, NotsentBytes = 0, MinRtt = 8, DataSegsIn = 5, DataSegsOut = 10, DeliveryRate = 4761600000,
            BusyTime = 304000, RwndLimited = 0, SndbufLimited = 0, Delivered = 11, DeliveredCe = 0, BytesSent = 100000, BytesRetrans = 47616,
            DsackDups = 0, ReordSeen = 0, RcvOooPack = 0, SndWnd = 65536, RcvWnd = 65536, Rehash = 0, TotalRto = 0, TotalRtoRecoveries = 0,
            TotalRtoTimeMs = 0,
        };
        var process = new ProcessRef(1472, "etcd", 5);
        return new SystemSnapshot
        {
            Source = new SnapshotSource(SnapshotSource.Live, "/", [SnapshotCapability.Sysctls, SnapshotCapability.Rates], ["/proc/net/dev", "/proc/sys"]),
            Host = new HostInfo
            {
                Hostname = "web-1", Kernel = "6.18.44", KernelSource = "/proc/sys/kernel/osrelease", OsRelease = "Debian GNU/Linux 12 (bookworm)",
                BootId = "0f9b2c4e-0000-4000-8000-000000000000", UptimeSeconds = 1234.5, NetworkNamespace = "net:[4026531840]",
                IsInitialNetworkNamespace = true, IsRoot = true, CpuCount = 2,
            },
            CapturedAt = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
            IntervalSeconds = 10,
            Sysctls = new Dictionary<string, SysctlEntry>
            {
                ["net.core.somaxconn"] = new("4096", "/proc/sys/net/core/somaxconn")
                {
                    Overridden = ["usr/lib/sysctl.d/50-x.conf:2 = 128"],
                    InitNetnsOnly = false,
                    Configured = new SysctlConfigured("4096", "etc/sysctl.d/60-x.conf:3"),
                },
            }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Listeners =
            [
                new ListenerInfo
                {
                    Protocol = "tcp", Local = "0.0.0.0:443", Address = "0.0.0.0", Port = 443, RecvQ = 0, SendQ = 511, RecvQAtLeast = true,
                    SendQAtLeast = true, Truncated = true, Cookie = 12345,
                    Inode = 67890, Uid = 0, Drops = 0, Processes = [process], Source = "sock_diag",
                },
            ],
            Connections =
            [
                new ConnectionInfo
                {
                    Protocol = "tcp", State = "ESTAB", Local = "10.0.0.1:443", Remote = "10.0.0.2:51000", LocalAddress = "10.0.0.1", LocalPort = 443,
                    RemoteAddress = "10.0.0.2", RemotePort = 51000, RecvQ = 0, SendQ = 0, RecvQAtLeast = true, SendQAtLeast = true, Truncated = true, Cookie = 99, Inode = 100, Uid = 0, Timer = 2,
                    Congestion = "cubic", Info = info, Memory = new SocketMemory(0, 131072, 0, 87040, 0, 0, 0, 0, 0),
                    DeltaBytesAcked = 100, DeltaBytesReceived = 50, Processes = [process], Source = "sock_diag",
                },
            ],
            ClosedConnections =
            [
                new ConnectionInfo
                {
                    Protocol = "tcp", State = "CLOSE", Local = "10.0.0.1:443", Remote = "10.0.0.3:52000", LocalAddress = "10.0.0.1", LocalPort = 443,
                    RemoteAddress = "10.0.0.3", RemotePort = 52000, RecvQ = 0, SendQ = 0, RecvQAtLeast = true, SendQAtLeast = true, Truncated = true, Cookie = 98, Inode = 101, Uid = 0, Timer = 0,
                    Congestion = "cubic", Info = info, Memory = new SocketMemory(0, 131072, 0, 87040, 0, 0, 0, 0, 0),
                    DeltaBytesAcked = 5002, DeltaBytesReceived = 1, Processes = [process], Source = "sock_diag destroy",
                },
            ],
            Counters = Map(("TcpExt.ListenOverflows", 90)),
            CounterSources = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("TcpExt.ListenOverflows", "/proc/net/netstat")]),
            Deltas = Map(("TcpExt.ListenOverflows", 3)),
            Gauges = Map(("sockstat.TCP.tw", 4), ("conntrack.count", 12)),
            Interfaces =
            [
                new InterfaceInfo
                {
                    Name = "eth0", RxBytes = 1, RxPackets = 2, RxErrors = 0, RxDropped = 0, RxFifo = 0, RxFrame = 0, RxCompressed = 0, RxMulticast = 0,
                    TxBytes = 3, TxPackets = 4, TxErrors = 0, TxDropped = 0, TxFifo = 0, TxCollisions = 0, TxCarrier = 0, TxCompressed = 0,
                    SpeedMbps = 10000, Mtu = 1500, OperState = "up", TxQueueLen = 1000, Statistics = Map(("rx_missed_errors", 0)),
                    Deltas = Map(("rxBytes", 1)), Source = "/proc/net/dev:3",
                },
            ],
            Softnet = [new SoftnetCpu { Cpu = 0, Processed = 42, Dropped = 0, TimeSqueeze = 0, ReceivedRps = 0, FlowLimitCount = 0, BacklogLength = 0, NetRx = 31988, NetTx = 161, Deltas = Map(("netRx", 5), ("netTx", 1), ("processed", 2)) }],
            Processes = [new ProcessInfo { Pid = 1472, Name = "etcd", CommandLine = "etcd --name m1", FdCount = 120, NofileSoft = 1024, NofileHard = 524288, Note = "none" }],
            Peers =
            [
                new PeerTraffic
                {
                    Remote = "10.0.0.2", RemotePorts = [51000], LocalPorts = [443], Connections = 1, BytesIn = 50, BytesOut = 100,
                    BytesInPerSecond = 5, BytesOutPerSecond = 10, Processes = ["etcd(1472)"],
                },
            ],
            AppConfigs = [new AppListenConfig("nginx", "443", 511, "etc/nginx/nginx.conf:12")],
            Limits = [new ConfiguredLimit("NOFILE", "system", 1024, 524288, "etc/systemd/system.conf:3")],
            Notes = [new SnapshotNote("TA0209", "info", "a note", "/proc/net/dev(3,1)")],
        };
    }
}
