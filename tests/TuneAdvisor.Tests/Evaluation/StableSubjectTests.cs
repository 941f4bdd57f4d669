using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Evaluation;

/// <summary>
/// Subjects name the same thing the same way in every run of a host (fingerprints are rule id + subject, and
/// baselines match on them): two snapshots of one host that differ in pids, inodes, socket cookies, ephemeral ports,
/// capture time and the order items were read in give the same fingerprints, for the built-in rules and for a rule
/// that fires for every item of every scope.
/// </summary>
public sealed class StableSubjectTests
{
    /// <summary>
    /// One rule per scope that fires for each of its items. A destination is a remote address and port, so for a
    /// connection accepted here it is the client's ephemeral port: rules over destinations read only those this host
    /// connects out to (<c>where: destination.outgoing</c>, as TA1406 does), and so does this one.
    /// </summary>
    private static readonly ImmutableArray<Rule> EveryItem = CompileEveryItem();

    private static ImmutableArray<Rule> CompileEveryItem()
    {
        var scopes = Scopes.All.Where(s => s != Scopes.Host).ToArray();
        var files = scopes.Select((s, i) => new RuleFile($"r/TA90{i:D2}-every-{s.Name}.yaml", $"""
            id: TA90{i:D2}
            title: every {s.Name}
            category: custom
            severity: warning
            scope: {s.Name}
            {(s == Scopes.Destination ? "where: destination.outgoing" : "")}
            condition: 'true'
            message: 'm'
            """, _ => ("t.md", "# t")));
        var diagnostics = new DiagnosticBag();
        var set = RuleSet.Compile(files, RuleSources.Ranges([], diagnostics), diagnostics);
        Assert.Empty(set.Diagnostics);
        return set.Rules;
    }

    /// <summary>
    /// The host in run 1 or 2: nginx (a master and two SO_REUSEPORT workers, one of them near its open-files limit)
    /// on :443, PostgreSQL on 127.0.0.1:5432, clients connecting in from two peers, this host connecting out to a
    /// database. Run 2 restarted everything: new pids, inodes, cookies and ephemeral ports, items read in another order,
    /// and the other worker is the one near the limit.
    /// </summary>
    private static SystemSnapshot Host(int run)
    {
        int pid = run * 1000, port = 30000 + run * 7000;
        ulong inode = (ulong)run * 100_000;
        ProcessRef Ref(string name, int offset) => new(pid + offset, name, 10 + offset);
        ListenerInfo Listener(string local, int offset, string name) => new()
        {
            Protocol = "tcp", Local = local, Address = local[..local.LastIndexOf(':')], Port = int.Parse(local[(local.LastIndexOf(':') + 1)..]),
            RecvQ = 0, SendQ = 511, Inode = inode + (ulong)offset, Cookie = inode * 3 + (ulong)offset, Uid = 33, Processes = [Ref(name, offset)],
        };
        ConnectionInfo Connection(string local, int localPort, string remote, int remotePort, long recvQ, int offset, string name) => new()
        {
            Protocol = "tcp", State = "ESTAB", Local = $"{local}:{localPort}", Remote = $"{remote}:{remotePort}",
            LocalAddress = local, LocalPort = localPort, RemoteAddress = remote, RemotePort = remotePort,
            RecvQ = recvQ, SendQ = 0, Memory = new SocketMemory(0, 131072, 0, 87040, 0, 0, 0, null, 0),
            Inode = inode + 50 + (ulong)offset, Cookie = inode * 7 + (ulong)offset, Uid = 33, Processes = [Ref(name, offset)],
        };
        ImmutableArray<ConnectionInfo> connections =
        [
            Connection("10.0.0.1", 443, "10.0.0.2", port + 1, 0, 1, "nginx"),
            Connection("10.0.0.1", 443, "10.0.0.2", port + 2, 120_000, 2, "nginx"),   // the backed-up one
            Connection("10.0.0.1", 443, "10.0.0.3", port + 3, 0, 1, "nginx"),
            Connection("10.0.0.1", port + 4, "10.0.0.9", 5432, 0, 3, "app"),
            Connection("10.0.0.1", port + 5, "10.0.0.9", 5432, 0, 3, "app"),
        ];
        ImmutableArray<ProcessInfo> processes =
        [
            new() { Pid = pid, Name = "nginx", FdCount = 40, NofileSoft = 1024, NofileHard = 4096 },
            new() { Pid = pid + 1, Name = "nginx", FdCount = run == 1 ? 1000 : 60, NofileSoft = 1024, NofileHard = 4096 },
            new() { Pid = pid + 2, Name = "nginx", FdCount = run == 1 ? 60 : 1000, NofileSoft = 1024, NofileHard = 4096 },
            new() { Pid = pid + 3, Name = "app", FdCount = 20, NofileSoft = 65536, NofileHard = 65536 },
        ];
        return new SystemSnapshot
        {
            Source = new SnapshotSource(SnapshotSource.Live, "/", [SnapshotCapability.Sysctls, SnapshotCapability.Listeners, SnapshotCapability.ListenerBacklog, SnapshotCapability.Connections, SnapshotCapability.Processes], []),
            Host = new HostInfo { Hostname = "web-01", Kernel = "6.1.0-18-amd64" },
            CapturedAt = new DateTimeOffset(2026, 3, run, 12, 0, 0, TimeSpan.Zero),
            Sysctls = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, SysctlEntry>
            {
                ["net.core.somaxconn"] = new("128", "/proc/sys/net/core/somaxconn"),
                ["net.ipv4.ip_local_port_range"] = new("32768\t60999", "/proc/sys/net/ipv4/ip_local_port_range"),
                ["net.ipv4.ip_local_reserved_ports"] = new("", "/proc/sys/net/ipv4/ip_local_reserved_ports"),
            }),
            Listeners = [Listener("0.0.0.0:443", 1, "nginx"), Listener("0.0.0.0:443", 2, "nginx"), Listener("127.0.0.1:5432", 4, "postgres")],
            Connections = run == 1 ? connections : [.. connections.Reverse()],
            Processes = run == 1 ? processes : [processes[3], processes[2], processes[0], processes[1]],
        };
    }

    private static string[] Fingerprints(SystemSnapshot snapshot, IEnumerable<Rule> rules) =>
        [.. RuleEvaluator.Evaluate(rules, snapshot).Findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal)];

    [Fact]
    public void Two_runs_of_one_host_give_the_same_fingerprints_for_a_rule_over_every_item_of_every_scope()
    {
        var first = Fingerprints(Host(1), EveryItem);
        Assert.Equal(first, Fingerprints(Host(2), EveryItem));
        foreach (var volatileText in new[] { "1001", "2001", "37001", "44001", "100050", "(" })
            Assert.DoesNotContain(first, f => f.Contains(volatileText, StringComparison.Ordinal));
        Assert.Contains(first, f => f.EndsWith("|listener tcp 0.0.0.0:443 #2", StringComparison.Ordinal));
        Assert.Contains(first, f => f.EndsWith("|connection tcp 10.0.0.1:443 <- 10.0.0.2 #2", StringComparison.Ordinal));
        Assert.Contains(first, f => f.EndsWith("|connection tcp 10.0.0.1 -> 10.0.0.9:5432 #2", StringComparison.Ordinal));
        Assert.Contains(first, f => f.EndsWith("|process nginx #3", StringComparison.Ordinal));
        Assert.Contains(first, f => f.EndsWith("|owner app", StringComparison.Ordinal));
        Assert.Contains(first, f => f.EndsWith("|destination 10.0.0.9:5432", StringComparison.Ordinal));
    }

    [Fact]
    public void The_worker_near_its_limit_and_the_backed_up_connection_keep_their_names_whichever_they_are()
    {
        var rules = RuleSet.Load(builtIn: true, []).Rules;
        var first = Fingerprints(Host(1), rules);
        Assert.Equal(first, Fingerprints(Host(2), rules));
        Assert.Contains("TA1601|process nginx", first);                           // one worker of three fires: no number
        Assert.Contains("TA1303|connection tcp 10.0.0.1:443 <- 10.0.0.2", first);   // one connection of two from that peer
        Assert.Contains("TA1602|process nginx #2", first);                      // both workers own a listener: numbered, not by pid
    }
}
