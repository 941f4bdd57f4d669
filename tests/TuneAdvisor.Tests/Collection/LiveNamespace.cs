using System.Diagnostics;
using TuneAdvisor.Collection;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Tests.Collection;

/// <summary>
/// A throwaway network namespace prepared for differential tests: a few per-namespace sysctls set away from their
/// defaults, a veth pair that is up (ta-up0/ta-up1, rp_filter 2 on ta-up0) and one left down (ta-down0/ta-down1),
/// some TCP and UDP traffic on its loopback, and a sleeping process whose /proc/PID/net and /proc/PID/root/sys show
/// the namespace's view. <see cref="Context"/> reads that view from the test process (net/ through the pid,
/// sys/ through /proc/sys, which shows the namespace only on a <see cref="NetnsThread"/>, softirqs as the host-wide file).
/// </summary>
public sealed class LiveNamespace : IDisposable
{
    public const string TrafficScript = """
        import socket, sys
        def traffic(n):
            r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); r.bind(("127.0.0.1", 0))
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            for i in range(n):
                s.sendto(b"x" * 64, r.getsockname())
            for i in range(n):
                r.recv(100)
            r.close(); s.close()
        """;

    private readonly TempTree _proc = new();

    public LiveNamespace()
    {
        Ns = new Netns();
        Ns.Sysctl("net.core.somaxconn", "200000");
        Ns.Sysctl("net.ipv4.tcp_fin_timeout", "17");
        Ns.Sysctl("net.ipv4.ip_local_port_range", "20000 40000");
        Ns.Exec("ip", "link", "add", "ta-up0", "type", "veth", "peer", "name", "ta-up1").EnsureSuccess("ip link add ta-up0");
        Ns.Exec("ip", "link", "add", "ta-down0", "type", "veth", "peer", "name", "ta-down1").EnsureSuccess("ip link add ta-down0");
        Ns.Sysctl("net.ipv4.conf.ta-up0.rp_filter", "2");
        Ns.Exec("ip", "link", "set", "ta-up0", "up").EnsureSuccess("ip link set ta-up0 up");
        Ns.Exec("ip", "link", "set", "ta-up1", "up").EnsureSuccess("ip link set ta-up1 up");
        // TCP (one connection, closed by the client so it sits in TIME-WAIT) and UDP on loopback.
        Ns.Exec("python3", "-c", TrafficScript + """

            l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(8)
            c = socket.create_connection(l.getsockname()); a, _ = l.accept()
            c.sendall(b"y" * 5000); a.recv(10000); c.close(); a.close(); l.close()
            traffic(10)
            """).EnsureSuccess("traffic");

        Sleeper = Ns.Start("sleep", "600");
        Pid = Sleeper.Id;
        var deadline = Stopwatch.StartNew();
        // `ip netns exec` joins the namespace and then execs sleep under the same pid: wait for the switch.
        while (!ProcessRunner.Run("ip", ["netns", "pids", Ns.Name]).Stdout.Split('\n').Contains(Pid.ToString()))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
                throw new InvalidOperationException("the sleeper never entered the namespace");
            Thread.Sleep(20);
        }
        File.CreateSymbolicLink(_proc.PathOf("net"), $"/proc/{Pid}/net");
        File.CreateSymbolicLink(_proc.PathOf("sys"), "/proc/sys");
        File.CreateSymbolicLink(_proc.PathOf("softirqs"), "/proc/softirqs");   // host-wide: the namespace sees the host's
    }

    public Netns Ns { get; }

    public Process Sleeper { get; }

    public int Pid { get; }

    public string SysRoot => $"/proc/{Pid}/root/sys";

    public CollectionContext Context => new()
    {
        ProcRoot = _proc.Root, SysRoot = SysRoot, ConfigRoot = _proc.Root, UseNetlink = false, MapProcesses = false,
    };

    /// <summary>
    /// `sysctl -a --deprecated` inside the namespace: net.* keys with whitespace-normalised values. Without
    /// --deprecated procps hides the neigh.*.base_reachable_time and retrans_time keys, which the kernel still has.
    /// </summary>
    public Dictionary<string, string> SysctlA()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Ns.Exec("sysctl", "-a", "--deprecated").Stdout.Split('\n'))
        {
            int eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq < 0 && line.EndsWith(" =", StringComparison.Ordinal))
                eq = line.Length - 2;
            if (eq > 0 && line.StartsWith("net.", StringComparison.Ordinal))
                map[line[..eq]] = SysctlKey.NormalizeValue(line[Math.Min(line.Length, eq + 3)..]);
        }
        return map;
    }

    /// <summary>`nstat -azs` inside the namespace: absolute counters, history untouched.</summary>
    public Dictionary<string, long> Nstat()
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in Ns.Exec("nstat", "-azs").Stdout.Split('\n').Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && long.TryParse(parts[1], out var v))
                map[parts[0]] = v;
        }
        return map;
    }

    public void Dispose()
    {
        _proc.Dispose();
        Ns.Dispose();
    }
}
