using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Yaml;
using static TuneAdvisor.RuleTesting.YamlValues;

namespace TuneAdvisor.RuleTesting;

/// <summary>
/// Builds a <see cref="SystemSnapshot"/> from the small YAML fragment a rule test case gives. Capabilities follow
/// from the sections present (sysctls → Sysctls, deltas or interval → Rates, …) unless listed explicitly.
/// </summary>
public static class SnapshotFragment
{
    public static SystemSnapshot Build(YamlMapping m, DateTimeOffset at)
    {
        var b = new SampleBuilder(at);
        b.Host = new HostInfo { Kernel = Str(m, "kernel"), Hostname = Str(m, "hostname") ?? "test-host", KernelSource = "test case" };
        foreach (var (k, v) in Pairs(m, "sysctls"))
            b.SetSysctl(SysctlKey.Normalize(k), SysctlKey.NormalizeValue(v), "test case");
        foreach (var (k, v) in Pairs(m, "configured"))
            if (b.Sysctls.TryGetValue(SysctlKey.Normalize(k), out var e))
                b.Sysctls[SysctlKey.Normalize(k)] = e with { Configured = new SysctlConfigured(SysctlKey.NormalizeValue(v), "test case") };
        foreach (var (k, v) in Pairs(m, "counters"))
            b.Counters[k] = long.Parse(v, CultureInfo.InvariantCulture);
        foreach (var (k, v) in Pairs(m, "deltas"))
            b.CounterDeltas[k] = long.Parse(v, CultureInfo.InvariantCulture);
        foreach (var (k, v) in Pairs(m, "gauges"))
            b.Gauges[k] = long.Parse(v, CultureInfo.InvariantCulture);
        b.DeltaIntervalSeconds = Double(m, "interval");
        foreach (var l in Maps(m, "listeners"))
            b.Listeners.Add(Listener(l));
        foreach (var c in Maps(m, "connections"))
            b.Connections.AddRange(Repeated(Connection(c), c));
        foreach (var i in Maps(m, "interfaces"))
            b.Interfaces.Add(Interface(i));
        foreach (var c in Maps(m, "cpus"))
            b.Softnet.Add(new SoftnetCpu
            {
                Cpu = (int)(Long(c, "cpu") ?? 0), Processed = Long(c, "processed"), Dropped = Long(c, "dropped"),
                TimeSqueeze = Long(c, "timeSqueeze"), NetRx = Long(c, "netRx"), NetTx = Long(c, "netTx"), Deltas = Deltas(c),
            });
        foreach (var p in Maps(m, "processes"))
        {
            var pid = (int)(Long(p, "pid") ?? 0);
            b.Processes[pid] = new ProcessInfo { Pid = pid, Name = Str(p, "name") ?? "?", FdCount = Long(p, "fds"), NofileSoft = Long(p, "nofileSoft"), NofileHard = Long(p, "nofileHard") };
        }
        foreach (var a in Maps(m, "appConfigs"))
            b.AppConfigs.Add(new AppListenConfig(Str(a, "app") ?? "?", Str(a, "listen") ?? "", Long(a, "backlog") ?? 0, Str(a, "source") ?? "test case"));

        InferCapabilities(m, b);
        var kind = Str(m, "source") ?? SnapshotSource.Live;
        var snapshot = SnapshotAssembler.Assemble(kind, "test case", null, b);
        return snapshot with
        {
            IntervalSeconds = b.DeltaIntervalSeconds ?? (b.CounterDeltas.Count > 0 || b.Interfaces.Any(i => i.Deltas is not null) ? 10 : null),
            Peers = [.. Maps(m, "peers").Select(Peer)],
        };
    }

    private static void InferCapabilities(YamlMapping m, SampleBuilder b)
    {
        var explicitCaps = Strings(m, "capabilities").ToList();
        if (explicitCaps.Count > 0)
        {
            foreach (var c in explicitCaps)
                if (Enum.TryParse<SnapshotCapability>(c, ignoreCase: true, out var cap))
                    b.Capabilities.Add(cap);
            return;
        }
        if (b.Sysctls.Count > 0) b.Capabilities.Add(Str(m, "source") == SnapshotSource.Image ? SnapshotCapability.ConfiguredSysctls : SnapshotCapability.Sysctls);
        if (m["listeners"] is not null) b.Capabilities.Add(SnapshotCapability.Listeners);
        if (b.Listeners.Count > 0 && b.Listeners.All(l => l.SendQ is not null)) b.Capabilities.Add(SnapshotCapability.ListenerBacklog);
        if (m["connections"] is not null) { b.Capabilities.Add(SnapshotCapability.Connections); b.Capabilities.Add(SnapshotCapability.TcpInfo); }
        if (b.Counters.Count > 0) b.Capabilities.Add(SnapshotCapability.Counters);
        if (b.CounterDeltas.Count > 0 || b.DeltaIntervalSeconds is > 0 || m["peers"] is not null) b.Capabilities.Add(SnapshotCapability.Rates);
        if (b.Interfaces.Count > 0) b.Capabilities.Add(SnapshotCapability.Interfaces);
        // A CPU given only NET_RX/NET_TX counts stands for a source that read /proc/softirqs and not softnet_stat.
        if (b.Softnet.Any(c => c.Processed is not null || c.Dropped is not null || c.TimeSqueeze is not null || c.NetRx is null && c.NetTx is null))
            b.Capabilities.Add(SnapshotCapability.Softnet);
        if (b.Softnet.Any(c => c.NetRx is not null || c.NetTx is not null)) b.Capabilities.Add(SnapshotCapability.Softirqs);
        if (b.Processes.Count > 0) b.Capabilities.Add(SnapshotCapability.Processes);
        if (b.AppConfigs.Count > 0) b.Capabilities.Add(SnapshotCapability.AppConfigs);
        if (b.Gauges.Keys.Any(k => k.StartsWith("conntrack.", StringComparison.Ordinal)) || b.Counters.Keys.Any(k => k.StartsWith("Conntrack.", StringComparison.Ordinal)))
            b.Capabilities.Add(SnapshotCapability.Conntrack);
        if (b.Gauges.Keys.Any(k => k.StartsWith("kernel_log.", StringComparison.Ordinal)))
            b.Capabilities.Add(SnapshotCapability.KernelLog);
    }

    private static ImmutableSortedDictionary<string, long>? Deltas(YamlMapping m) =>
        m["deltas"] is YamlMapping ? Pairs(m, "deltas").ToImmutableSortedDictionary(p => p.Key, p => long.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal) : null;

    private static (string? Address, int? Port) Split(string local)
    {
        var colon = local.LastIndexOf(':');
        if (colon < 0 || local.StartsWith('/') || local.StartsWith('@'))
            return (local, null);
        return (local[..colon].Trim('[', ']'), int.TryParse(local[(colon + 1)..], out var p) ? p : null);
    }

    /// <summary>The holders: the first gets <c>pid</c> (default 1000), later ones pid+1… (the schema says so).</summary>
    private static ImmutableArray<ProcessRef> Processes(YamlMapping m) =>
        [.. Strings(m, "process").Select((name, i) => new ProcessRef((int)(Long(m, "pid") ?? 1000) + i, name))];

    private static ListenerInfo Listener(YamlMapping l)
    {
        var local = Str(l, "local") ?? "0.0.0.0:0";
        var (address, port) = Split(local);
        return new ListenerInfo
        {
            Protocol = Str(l, "protocol") ?? "tcp", Local = local, Address = address, Port = port,
            RecvQ = Long(l, "recvQ"), SendQ = Long(l, "sendQ"), Drops = Long(l, "drops"), Processes = Processes(l), Source = Str(l, "source") ?? "test case",
            RecvQAtLeast = Bool(l, "recvQAtLeast"), SendQAtLeast = Bool(l, "sendQAtLeast"), Truncated = Bool(l, "truncated"),
        };
    }

    private static ConnectionInfo Connection(YamlMapping c)
    {
        var local = Str(c, "local") ?? "127.0.0.1:1";
        var remote = Str(c, "remote") ?? "127.0.0.1:2";
        var (la, lp) = Split(local);
        var (ra, rp) = Split(remote);
        TcpInfo? info = null;
        if (c["info"] is YamlMapping i)
            info = new TcpInfo
            {
                Length = 280, Rtt = (uint)(Long(i, "rtt") ?? 0), MinRtt = (uint?)Long(i, "minRtt"), SndCwnd = (uint)(Long(i, "cwnd") ?? 10),
                TotalRetrans = (uint)(Long(i, "totalRetrans") ?? 0), BytesAcked = (ulong?)Long(i, "bytesAcked"), BytesReceived = (ulong?)Long(i, "bytesReceived"),
                BytesSent = (ulong?)Long(i, "bytesSent"), BytesRetrans = (ulong?)Long(i, "bytesRetrans"), NotsentBytes = (uint?)Long(i, "notsent"),
                SndWnd = (uint?)Long(i, "sndWnd"), RcvWnd = (uint?)Long(i, "rcvWnd"), LastDataSentMs = (uint)(Long(i, "lastDataSentMs") ?? 0),
                Retransmits = (int)(Long(i, "retransmits") ?? 0), Lost = (uint)(Long(i, "lost") ?? 0),
            };
        // A cut address ends in "…" (as the parsers leave it): it has no address or port.
        if (local.EndsWith('…'))
            (la, lp) = (null, null);
        if (remote.EndsWith('…'))
            (ra, rp) = (null, null);
        return new ConnectionInfo
        {
            Protocol = Str(c, "protocol") ?? "tcp", State = Str(c, "state") ?? "ESTAB", Local = local, Remote = remote,
            LocalAddress = la, LocalPort = lp, RemoteAddress = ra, RemotePort = rp, RecvQ = Long(c, "recvQ"), SendQ = Long(c, "sendQ"),
            Truncated = Bool(c, "truncated") == true ? true : null,
            Timer = (int?)Long(c, "timer"), Info = info, Processes = Processes(c), Source = "test case",
            DeltaBytesAcked = Long(c, "deltaBytesAcked"),
            Memory = Long(c, "rcvbuf") is { } rcv ? new SocketMemory(0, rcv, 0, Long(c, "sndbuf") ?? 0, 0, 0, 0, null, Long(c, "drops")) : null,
        };
    }

    /// <summary>
    /// The row, or with <c>repeat: N</c> N copies of it whose local port (or, with <c>repeatPort: remote</c>, remote
    /// port) counts up by one from the one given: many sockets in one line of a test case.
    /// </summary>
    private static IEnumerable<ConnectionInfo> Repeated(ConnectionInfo c, YamlMapping m)
    {
        var count = Long(m, "repeat") ?? 1;
        bool remote = Str(m, "repeatPort") == "remote";
        for (int i = 0; i < count; i++)
        {
            if (i == 0)
            {
                yield return c;
                continue;
            }
            if (remote && c.RemotePort is { } rp)
                yield return c with { RemotePort = rp + i, Remote = $"{c.Remote[..c.Remote.LastIndexOf(':')]}:{rp + i}" };
            else if (!remote && c.LocalPort is { } lp)
                yield return c with { LocalPort = lp + i, Local = $"{c.Local[..c.Local.LastIndexOf(':')]}:{lp + i}" };
            else
                yield return c;
        }
    }

    private static InterfaceInfo Interface(YamlMapping i) => new()
    {
        Name = Str(i, "name") ?? "eth0",
        RxBytes = Long(i, "rxBytes"), RxPackets = Long(i, "rxPackets"), RxErrors = Long(i, "rxErrors"), RxDropped = Long(i, "rxDropped"),
        RxFifo = Long(i, "rxFifo"), RxFrame = Long(i, "rxFrame"), TxBytes = Long(i, "txBytes"), TxPackets = Long(i, "txPackets"),
        TxErrors = Long(i, "txErrors"), TxDropped = Long(i, "txDropped"), TxCarrier = Long(i, "txCarrier"), TxCollisions = Long(i, "txCollisions"),
        SpeedMbps = Long(i, "speedMbps"), Mtu = (int?)Long(i, "mtu"), OperState = Str(i, "operstate"),
        Statistics = Pairs(i, "statistics").ToImmutableSortedDictionary(p => p.Key, p => long.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal),
        Deltas = Deltas(i), Source = "test case",
    };

    private static PeerTraffic Peer(YamlMapping p) => new()
    {
        Remote = Str(p, "remote") ?? "?", Connections = (int)(Long(p, "connections") ?? 1), BytesIn = Long(p, "bytesIn") ?? 0, BytesOut = Long(p, "bytesOut") ?? 0,
        BytesInPerSecond = Double(p, "bytesInRate") ?? 0, BytesOutPerSecond = Double(p, "bytesOutRate") ?? 0,
    };
}
