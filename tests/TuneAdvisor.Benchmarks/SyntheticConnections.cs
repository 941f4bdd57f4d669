using System.Collections.Immutable;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Benchmarks;

/// <summary>
/// A deterministic snapshot of many connections with tcp_info and socket memory, shaped like a busy server:
/// mostly ESTAB, some closing states, a few UDP sockets and TIME-WAIT rows without tcp_info, older kernels that do
/// not report the newer tcp_info fields, and a few rows without SKMEMINFO, so every rule sees unknowns too.
/// </summary>
public static class SyntheticConnections
{
    private static readonly string[] States = ["ESTAB", "ESTAB", "ESTAB", "ESTAB", "ESTAB", "ESTAB", "ESTAB", "ESTAB", "ESTAB", "ESTAB",
        "ESTAB", "ESTAB", "ESTAB", "ESTAB", "TIME-WAIT", "CLOSE-WAIT", "FIN-WAIT-1", "LAST-ACK", "SYN-SENT", "FIN-WAIT-2"];

    public static SystemSnapshot Create(int count, int seed = 20260101)
    {
        var random = new Random(seed);
        var connections = ImmutableArray.CreateBuilder<ConnectionInfo>(count);
        for (int i = 0; i < count; i++)
            connections.Add(Connection(random, i));
        return new SystemSnapshot
        {
            Source = new SnapshotSource(SnapshotSource.Live, "/",
                [SnapshotCapability.Connections, SnapshotCapability.TcpInfo, SnapshotCapability.Sysctls, SnapshotCapability.Counters], []),
            Host = new HostInfo { Hostname = "bench", Kernel = "6.12.0-bench", IsRoot = true, CpuCount = 2 },
            Connections = connections.MoveToImmutable(),
        };
    }

    private static ConnectionInfo Connection(Random random, int i)
    {
        bool udp = random.Next(100) < 3;
        string state = udp ? "UNCONN" : States[random.Next(States.Length)];
        int localPort = random.Next(100) < 70 ? 443 : 1024 + random.Next(60000);
        int remotePort = 1024 + random.Next(64000);
        var localAddress = "10.0.0.1";
        var remoteAddress = $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}";
        bool hasInfo = !udp && state != "TIME-WAIT" && random.Next(100) >= 2;
        bool hasMemory = state != "TIME-WAIT" && random.Next(100) >= 3;
        long rcvBuf = 131072L << random.Next(6);
        long recvQ = random.Next(100) < 85 ? 0 : random.NextInt64(rcvBuf);
        return new ConnectionInfo
        {
            Protocol = udp ? "udp" : "tcp",
            State = state,
            Local = $"{localAddress}:{localPort}",
            Remote = $"{remoteAddress}:{remotePort}",
            LocalAddress = localAddress,
            LocalPort = localPort,
            RemoteAddress = remoteAddress,
            RemotePort = remotePort,
            RecvQ = random.Next(1000) == 0 ? null : recvQ,
            SendQ = random.Next(100) < 80 ? 0 : random.Next(4 << 20),
            Timer = udp ? null : random.Next(100) switch { < 60 => 0, < 80 => 2, < 95 => 1, < 98 => 3, _ => 4 },
            Congestion = hasInfo ? (random.Next(4) == 0 ? "bbr" : "cubic") : null,
            Info = hasInfo ? Info(random) : null,
            Memory = hasMemory ? new SocketMemory(recvQ, rcvBuf, 0, 87040L << random.Next(5), 0, 0, 0, 0, random.Next(100) == 0 ? random.Next(50) : 0) : null,
            Processes = [new ProcessRef(1000 + (i % 64), i % 2 == 0 ? "nginx" : "envoy")],
            Source = "bench",
        };
    }

    private static TcpInfo Info(Random random)
    {
        // About a fifth of the rows come from an older kernel (232-byte tcp_info as on 6.1: no rcv_wnd).
        bool modern = random.Next(5) != 0;
        // Mostly peers in the same data centre (50 µs - 5 ms), a fifth across a WAN (10 - 150 ms); one in ten bloated.
        uint minRtt = (uint)(random.Next(5) == 0 ? 10_000 + random.Next(140_000) : 50 + random.Next(5_000));
        uint rtt = minRtt + (uint)random.Next(random.Next(10) == 0 ? 500_000 : (int)minRtt / 2 + 100);
        ulong bytesSent = random.Next(50) == 0 ? 0 : (ulong)random.NextInt64(1L << 34);
        ulong bytesRetrans = random.Next(10) == 0 ? bytesSent / (ulong)(2 + random.Next(40)) : bytesSent / (ulong)(200 + random.Next(5000));
        return new TcpInfo
        {
            Length = modern ? 280 : 232,
            Rto = 200_000 + rtt,
            Rtt = rtt,
            RttVar = rtt / 4,
            MinRtt = minRtt,
            SndCwnd = (uint)(random.Next(10) == 0 ? 1 + random.Next(9) : 10 + random.Next(500)),
            SndSsthresh = (uint)random.Next(1000),
            Retransmits = random.Next(20) == 0 ? 1 + random.Next(3) : 0,
            TotalRetrans = (uint)(random.Next(10) == 0 ? random.Next(500) : random.Next(5)),
            Lost = (uint)random.Next(3),
            Unacked = (uint)random.Next(100),
            BytesAcked = bytesSent - bytesRetrans,
            BytesReceived = (ulong)random.NextInt64(1L << 34),
            BytesSent = bytesSent,
            BytesRetrans = bytesRetrans,
            NotsentBytes = random.Next(100) < 5 ? (uint)random.Next(8 << 20) : 0,
            DeliveryRate = (ulong)random.NextInt64(1L << 30),
            SndWnd = (uint)random.Next(1 << 22),
            RcvWnd = modern ? (random.Next(50) == 0 ? 0u : (uint)random.Next(1 << 22)) : null,
        };
    }
}
