
namespace TuneAdvisor.Tests.Formats;

/// <summary>
/// A throwaway network namespace with the sockets the offline parsers must understand, and the real commands run in
/// it: TCP listeners on 127.0.0.1:8080 (backlog 128) and 127.0.0.1:9090 (backlog 4, never accepting, 8 clients, so its
/// accept queue overflows: Recv-Q 5 = limit + 1), [::1]:8443, a dual-stack *:8081, a link-local [fe80::1]%ta0:7000,
/// a UDP socket on 127.0.0.1:5353 with one unread 100-byte datagram, a UNIX stream listener, and one established
/// connection with traffic (50 000 bytes read by the client, 1000 bytes left unread at the server). The server
/// process forks, so every socket belongs to two processes ("ta-server" and "ta-worker").
/// The committed captures under TestFiles/Captures come from <see cref="Run"/>
/// (TA_WRITE_CAPTURES=path/to/TestFiles/Captures dotnet test --filter OfflineLiveTests).
/// </summary>
public sealed class CaptureScenario : IDisposable
{
    private const string Script = """
        import socket as S, os, sys, time, ctypes
        libc = ctypes.CDLL(None)
        def name(n): libc.prctl(15, n.encode(), 0, 0, 0)
        name("ta-server")
        srv = S.socket(); srv.setsockopt(S.SOL_SOCKET, S.SO_REUSEADDR, 1); srv.bind(("127.0.0.1", 8080)); srv.listen(128)
        ovf = S.socket(); ovf.bind(("127.0.0.1", 9090)); ovf.listen(4)
        v6 = S.socket(S.AF_INET6); v6.bind(("::1", 8443)); v6.listen(64)
        dual = S.socket(S.AF_INET6); dual.setsockopt(S.IPPROTO_IPV6, S.IPV6_V6ONLY, 0); dual.bind(("::", 8081)); dual.listen(32)
        ll = S.socket(S.AF_INET6); ll.bind(("fe80::1", 7000, 0, S.if_nametoindex("ta0"))); ll.listen(16)
        udp = S.socket(S.AF_INET, S.SOCK_DGRAM); udp.bind(("127.0.0.1", 5353))
        S.socket(S.AF_INET, S.SOCK_DGRAM).sendto(b"x" * 100, ("127.0.0.1", 5353))
        un = S.socket(S.AF_UNIX); un.bind(sys.argv[1]); un.listen(10)
        cli = S.create_connection(("127.0.0.1", 8080)); conn, _ = srv.accept()
        conn.sendall(b"y" * 50000)
        got = 0
        while got < 50000: got += len(cli.recv(65536))
        cli.sendall(b"z" * 1000)
        clients = []
        for i in range(8):
            c = S.socket(); c.setblocking(False)
            try: c.connect(("127.0.0.1", 9090))
            except BlockingIOError: pass
            clients.append(c)
        time.sleep(1.5)
        if os.fork() == 0:
            name("ta-worker")
            while True: time.sleep(60)
        time.sleep(0.3)
        print("ready", flush=True)
        while True: time.sleep(60)
        """;

    private readonly Netns _netns = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-capture-").FullName;

    public CaptureScenario()
    {
        _netns.Exec("ip", "link", "add", "ta0", "type", "veth", "peer", "name", "ta1").EnsureSuccess("ip link add veth");
        _netns.Exec("ip", "addr", "add", "fe80::1/64", "dev", "ta0", "nodad").EnsureSuccess("ip addr add");
        _netns.Exec("ip", "link", "set", "ta1", "up").EnsureSuccess("ip link set ta1 up");
        _netns.Exec("ip", "link", "set", "ta0", "up").EnsureSuccess("ip link set ta0 up");
        UnixPath = Path.Combine(_dir, "ta.sock");
        var p = _netns.Start("python3", "-u", "-c", Script, UnixPath);
        var line = p.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(30)) || line.Result != "ready")
            throw new InvalidOperationException("scenario did not start: " + p.StandardError.ReadToEnd());
    }

    public string UnixPath { get; }

    /// <summary>Runs a command in the namespace and returns its standard output (stderr is ss's cgroup chatter).</summary>
    public string Run(string file, params string[] args) => _netns.Exec(file, args).EnsureSuccess(file).Stdout;

    /// <summary>Every capture, by file name. Without <paramref name="full"/> the netstat runs with -p or -e are left out:
    /// they scan every process's fds and take seconds each on a busy machine.</summary>
    public SortedDictionary<string, string> CaptureAll(bool full)
    {
        var c = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ss_-lnt.txt"] = Run("ss", "-lnt"),
            ["ss_-ltnp.txt"] = Run("ss", "-ltnp"),
            ["ss_-lnu.txt"] = Run("ss", "-lnu"),
            ["ss_-tanp.txt"] = Run("ss", "-tanp"),
            ["ss_-tanpi.txt"] = Run("ss", "-tanpi"),
            ["ss_-peaonmi.txt"] = Run("ss", "-peaonmi"),
            ["ss_-s.txt"] = Run("ss", "-s"),
            ["netstat_-lnt.txt"] = Run("netstat", "-lnt"),
            ["netstat_-s.txt"] = Run("netstat", "-s"),
            ["nstat_-az.txt"] = Run("nstat", "-az"),
            ["nstat_-a.txt"] = Run("nstat", "-a"),
            ["sysctl_-a.txt"] = Run("sh", "-c", "sysctl -a 2>&1"),
            ["sysctl_-a_nobody.txt"] = Run("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "sh", "-c", "sysctl -a 2>&1"),
            ["sysctl_keys.txt"] = Run("sysctl", "net.core.somaxconn", "net.ipv4.tcp_rmem", "net.ipv4.ip_local_port_range"),
            ["uname_-a.txt"] = Run("uname", "-a"),
            ["uname_-r.txt"] = Run("uname", "-r"),
        };
        if (full)
        {
            c["netstat_-tanp.txt"] = Run("netstat", "-tanp");
            c["netstat_-neopa.txt"] = Run("netstat", "-neopa");
            c["netstat_-W_-neopa.txt"] = Run("netstat", "-W", "-neopa");
            c["netstat_-plunt.txt"] = Run("netstat", "-plunt");
        }
        foreach (var f in new[] { "netstat", "snmp", "snmp6", "dev", "sockstat", "sockstat6", "softnet_stat", "tcp", "tcp6" })
            c[$"proc_net_{f}.txt"] = Run("cat", $"/proc/net/{f}");
        // Host-wide: the namespace shows the host's counts.
        c["softirqs/proc_softirqs.txt"] = Run("cat", "/proc/softirqs");
        c["softirqs/grep_-E_CPU_NET_.txt"] = Run("grep", "-E", "CPU|NET_", "/proc/softirqs");
        // Translated net-tools output (titles, headers and timer words), where the locales exist
        // (made with `localedef -i de_DE -f UTF-8 de_DE.UTF-8` and the same for ja_JP).
        var locales = Run("locale", "-a");
        if (full && locales.Contains("de_DE.utf8", StringComparison.Ordinal))
        {
            c["netstat_-tanpo_de.txt"] = Run("env", "LC_ALL=de_DE.UTF-8", "netstat", "-tanpo");
            c["netstat_-s_de.txt"] = Run("env", "LC_ALL=de_DE.UTF-8", "netstat", "-s");
        }
        if (locales.Contains("ja_JP.utf8", StringComparison.Ordinal))
            c["netstat_-nao_ja.txt"] = Run("env", "LC_ALL=ja_JP.UTF-8", "netstat", "-nao");
        c["nstat_delta.txt"] = NstatDelta();
        c["nstat_overflow.txt"] = NstatOverflow();
        foreach (var key in new[] { "net/core/somaxconn", "net/ipv4/tcp_rmem", "net/ipv4/ip_local_port_range", "net/ipv4/tcp_syncookies", "net/ipv4/conf/lo/rp_filter" })
            c[$"proc_sys/{key}"] = Run("cat", $"/proc/sys/{key}");
        return c;
    }

    /// <summary>Plain `nstat` twice with one history file, and one more overflowing connection attempt in between.</summary>
    private string NstatDelta()
    {
        var history = Path.Combine(_dir, "nstat.history");
        Run("env", $"NSTAT_HISTORY={history}", "nstat", "-n");
        Run("python3", "-c", "import socket,time; s=socket.socket(); s.setblocking(False)\ntry: s.connect(('127.0.0.1', 9090))\nexcept BlockingIOError: pass\ntime.sleep(0.3)");
        return Run("env", $"NSTAT_HISTORY={history}", "nstat");
    }

    /// <summary>`nstat -sz` against a history that holds a larger TcpInSegs than the kernel: nstat marks it "(overflow)" (with -z; without it the zeroed line is left out).</summary>
    private string NstatOverflow()
    {
        var history = Path.Combine(_dir, "nstat.overflow");
        File.WriteAllText(history, "#kernel\nTcpInSegs                        999999999999       0.0\n");
        return Run("env", $"NSTAT_HISTORY={history}", "nstat", "-sz");
    }

    public void Dispose()
    {
        _netns.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
