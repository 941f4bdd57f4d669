using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection;

/// <summary>
/// The collector against `ss` in a throwaway namespace holding an overflowing listener, an IPv6 listener with an
/// established pair, UNIX listeners and TIME-WAIT sockets. The collection runs on a thread inside the namespace.
/// </summary>
public sealed class SockDiagCollectorLiveTests : IDisposable
{
    private readonly Netns _ns = new();
    private readonly string _unixPath = $"/tmp/ta-live-{Environment.ProcessId}-{Guid.NewGuid():N}.sock";

    private const string Script = """
        import os, socket, sys, time
        keep = []
        lst = socket.socket(); lst.bind(("127.0.0.1", 8080)); lst.listen(8); keep.append(lst)
        for _ in range(20):
            c = socket.socket(); c.setblocking(False)
            try: c.connect(("127.0.0.1", 8080))
            except BlockingIOError: pass
            keep.append(c)
        l6 = socket.socket(socket.AF_INET6); l6.bind(("::1", 8443)); l6.listen(64); keep.append(l6)
        c6 = socket.create_connection(("::1", 8443)); s6, _ = l6.accept(); keep += [c6, s6]
        c6.sendall(b"q" * 5000); s6.sendall(b"r" * 700); s6.recv(1000)
        x = socket.socket(socket.AF_UNIX); x.bind(sys.argv[1]); x.listen(11); keep.append(x)
        xa = socket.socket(socket.AF_UNIX); xa.bind("\0ta-live-abstract"); xa.listen(5); keep.append(xa)
        tl = socket.socket(); tl.bind(("127.0.0.1", 7070)); tl.listen(16); keep.append(tl)
        for _ in range(3):
            tc = socket.create_connection(("127.0.0.1", 7070)); ts, _ = tl.accept()
            ts.close(); time.sleep(0.02); tc.close()
        if os.fork() == 0:   # a pre-forked child holding the same listeners
            time.sleep(300); os._exit(0)
        time.sleep(0.3)
        print("ready", flush=True)
        time.sleep(300)
        """;

    public void Dispose()
    {
        _ns.Dispose();
        File.Delete(_unixPath);
    }

    private SampleBuilder CollectInNamespace(CollectionContext context) =>
        NetnsThread.Run(_ns.Name, () =>
        {
            var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
            new SockDiagCollector().Collect(context, sample);
            return sample;
        });

    private List<SsTable.Row> Ss(params string[] args) => SsTable.Parse(_ns.Exec("ss", args).EnsureSuccess("ss").Stdout);

    private void Start()
    {
        _ns.Start("python3", "-u", "-c", Script, _unixPath).StandardOutput.ReadLine();
        Assert.NotEmpty(Ss("-tan", "state", "time-wait"));
    }

    [LiveFact]
    public void ListenersConnectionsAndProcessesMatchSs()
    {
        Start();
        var sample = CollectInNamespace(new CollectionContext());

        var tcpListeners = sample.Listeners.Where(l => l.Protocol == "tcp").ToList();
        Assert.Equal(
            Ss("-ltn").Select(r => $"{r.Local} {r.RecvQ} {r.SendQ}").Order(StringComparer.Ordinal),
            tcpListeners.Select(l => $"{l.Local} {l.RecvQ} {l.SendQ}").Order(StringComparer.Ordinal));
        Assert.Equal(
            Ss("-xl").Select(r => $"{r.Local} {r.RecvQ} {r.SendQ}").Order(StringComparer.Ordinal),
            sample.Listeners.Where(l => l.Protocol == "unix").Select(l => $"{l.Local} {l.RecvQ} {l.SendQ}").Order(StringComparer.Ordinal));
        Assert.Equal(
            Ss("-tn", "state", "established").Select(r => $"{r.Local} {r.Peer} {r.RecvQ} {r.SendQ}").Order(StringComparer.Ordinal),
            sample.Connections.Where(c => c.Protocol == "tcp" && c.State == "ESTAB").Select(c => $"{c.Local} {c.Remote} {c.RecvQ} {c.SendQ}").Order(StringComparer.Ordinal));
        Assert.Equal(
            Ss("-tn", "state", "time-wait").Select(r => $"{r.Local} {r.Peer}").Order(StringComparer.Ordinal),
            sample.Connections.Where(c => c.State == "TIME-WAIT").Select(c => $"{c.Local} {c.Remote}").Order(StringComparer.Ordinal));

        foreach (var row in Ss("-ltnp"))
        {
            var listener = tcpListeners.Single(l => l.Local == row.Local);
            Assert.Equal(
                SsTable.Users(row.Process).Select(u => $"{u.Name} {u.Pid} {u.Fd}").Order(StringComparer.Ordinal),
                listener.Processes.Select(p => $"{p.Name} {p.Pid} {p.Fd}").Order(StringComparer.Ordinal));
            Assert.Equal(2, listener.Processes.Length); // the script and its pre-forked child
        }
        Assert.All(tcpListeners.SelectMany(l => l.Processes), p => Assert.Contains(p.Pid, sample.Processes.Keys));
        Assert.All(sample.Processes.Values, p => Assert.Equal("python3", p.Name));
    }

    [LiveFact]
    public void TheCliCollectVerbInTheNamespaceReportsTheSameListeners()
    {
        Start();
        var output = Path.Combine(Path.GetTempPath(), $"ta-live-{Guid.NewGuid():N}.json");
        try
        {
            _ns.Exec(CliPath(), "collect", "--interval", "0", "-o", output).EnsureSuccess("tuneadvisor collect");
            var diagnostics = new TuneAdvisor.Diagnostics.DiagnosticBag();
            var snapshot = SnapshotJson.Deserialize(File.ReadAllText(output), output, diagnostics);
            Assert.NotNull(snapshot);
            Assert.Equal(
                Ss("-ltnp").Select(r => $"{r.Local} {r.RecvQ} {r.SendQ} {string.Join(',', SsTable.Users(r.Process).Select(u => u.Pid).Order())}").Order(StringComparer.Ordinal),
                snapshot.Listeners.Where(l => l.Protocol == "tcp").Select(l => $"{l.Local} {l.RecvQ} {l.SendQ} {string.Join(',', l.Processes.Select(p => p.Pid))}").Order(StringComparer.Ordinal));
            Assert.True(snapshot.Has(SnapshotCapability.ListenerBacklog));
            Assert.Contains(snapshot.Connections, c => c.State == "TIME-WAIT");
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The CLI built beside this test configuration (src/TuneAdvisor.Cli/bin/CONFIG/net10.0/tuneadvisor).</summary>
    private static string CliPath()
    {
        var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepoPaths.Root, "src", "TuneAdvisor.Cli", "bin", config, "net10.0", "tuneadvisor");
        return File.Exists(path) ? path : RepoPaths.Cli;
    }

    [LiveFact]
    public void TheOverflowingListenerShowsItsQueueBacklogAndDrops()
    {
        Start();
        var sample = CollectInNamespace(new CollectionContext());
        var l = sample.Listeners.Single(x => x.Local == "127.0.0.1:8080");
        Assert.Equal(8, l.SendQ);
        Assert.Equal(9, l.RecvQ);           // backlog 8 holds limit + 1
        Assert.True(l.Drops > 0);
        Assert.Contains(sample.Connections, c => c.State == "SYN-SENT" && c.Remote == "127.0.0.1:8080");
        Assert.DoesNotContain(sample.Connections, c => c.State == "SYN-RECV" && c.Inode is not null);

        var receiver = sample.Connections.Single(c => c.Local == "[::1]:8443" && c.State == "ESTAB");
        Assert.Equal(4000, receiver.RecvQ);  // 5000 received, 1000 read
        Assert.Equal(5000ul, receiver.Info!.BytesReceived);
        Assert.Equal(700ul, receiver.Info.BytesAcked);
        Assert.NotNull(receiver.Congestion);
        Assert.NotNull(receiver.Memory);
        Assert.NotNull(receiver.Cookie);

        foreach (var cap in new[] { SnapshotCapability.Listeners, SnapshotCapability.ListenerBacklog, SnapshotCapability.Connections, SnapshotCapability.TcpInfo, SnapshotCapability.Processes })
            Assert.Contains(cap, sample.Capabilities);
        Assert.DoesNotContain(sample.Notes, n => n.Id is "TA0204" or "TA0210");
    }

    [LiveFact]
    public void WithoutNetlinkTheProcTablesGiveListenersWithUnknownBacklog()
    {
        Start();
        // /proc/thread-self/net is the collecting thread's namespace; no pid directories there, so no processes.
        var sample = CollectInNamespace(new CollectionContext { UseNetlink = false, MapProcesses = false, ProcRoot = "/proc/thread-self" });
        Assert.Equal(
            Ss("-ltn").Select(r => $"{r.Local} {r.RecvQ}").Order(StringComparer.Ordinal),
            sample.Listeners.Where(l => l.Protocol == "tcp").Select(l => $"{l.Local} {l.RecvQ}").Order(StringComparer.Ordinal));
        Assert.All(sample.Listeners, l => Assert.Null(l.SendQ));
        Assert.Equal(
            Ss("-xl").Select(r => r.Local).Order(StringComparer.Ordinal),
            sample.Listeners.Where(l => l.Protocol == "unix").Select(l => l.Local).Order(StringComparer.Ordinal));
        Assert.Contains(SnapshotCapability.Listeners, sample.Capabilities);
        Assert.DoesNotContain(SnapshotCapability.ListenerBacklog, sample.Capabilities);
        Assert.DoesNotContain(SnapshotCapability.TcpInfo, sample.Capabilities);
        Assert.Contains(sample.Notes, n => n.Message.Contains("listener backlog limits (Send-Q) unknown"));
        Assert.Contains(sample.Notes, n => n.Message.Contains("netlink disabled"));
        Assert.Contains("/proc/thread-self/net/tcp", sample.Inputs);
    }
}
