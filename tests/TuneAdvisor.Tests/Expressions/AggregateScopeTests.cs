using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Expressions.Binding;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Expressions;

/// <summary>
/// The aggregate scopes over a snapshot's connections: <c>owner</c> (per holding process, plus one group without a
/// process) and <c>destination</c> (per remote address:port, with the ephemeral ports used towards it). Items come in
/// a fixed order, are built once per snapshot, count complete rows only and turn what cut rows may add into ranges.
/// </summary>
public sealed class AggregateScopeTests
{
    private static ConnectionInfo Tcp(string state, string local, string remote, params ProcessRef[] holders)
    {
        static (string?, int?) Split(string a) =>
            a.EndsWith('…') ? (null, null) : (a[..a.LastIndexOf(':')].Trim('[', ']'), int.Parse(a[(a.LastIndexOf(':') + 1)..]));
        var (la, lp) = Split(local);
        var (ra, rp) = Split(remote);
        return new ConnectionInfo
        {
            Protocol = "tcp", State = state, Local = local, Remote = remote, LocalAddress = la, LocalPort = lp, RemoteAddress = ra, RemotePort = rp,
            Processes = [.. holders], Source = "test",
        };
    }

    private static SystemSnapshot Snapshot(IEnumerable<ConnectionInfo> connections, IEnumerable<ListenerInfo>? listeners = null, params (string Key, string Value)[] sysctls) => new()
    {
        Source = new SnapshotSource(SnapshotSource.Live, "/", [SnapshotCapability.Connections, SnapshotCapability.Listeners, SnapshotCapability.Sysctls], []),
        Host = new HostInfo { Hostname = "test" },
        Connections = [.. connections],
        Listeners = [.. listeners ?? []],
        Sysctls = sysctls.ToImmutableSortedDictionary(s => s.Key, s => new SysctlEntry(s.Value, "test"), StringComparer.Ordinal),
    };

    private static readonly ProcessRef Nginx = new(900, "nginx", 5);
    private static readonly ProcessRef Worker = new(901, "nginx", 7);
    private static readonly ProcessRef Python = new(42, "python3", 3);

    private static string Eval(SystemSnapshot snapshot, ScopeDefinition scope, object item, string expression)
    {
        var diagnostics = new DiagnosticBag();
        var bound = Binder.Compile(ExpressionSource.Standalone(expression, "expr"), scope, new Dictionary<string, ExprType>(), diagnostics, out _);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToImmutableSorted()));
        var value = bound.Eval(new EvalContext(snapshot, ImmutableDictionary<string, Value>.Empty) { Item = item });
        return value.IsUnknown ? value.LowerBound is null ? "unknown: " + value.UnknownReason : value.Format(bound.Type) : value.Format(bound.Type);
    }

    [Fact]
    public void Owners_are_in_pid_order_with_the_group_without_a_process_last()
    {
        var snapshot = Snapshot(
        [
            Tcp("CLOSE-WAIT", "10.0.0.1:80", "10.0.0.9:5000", Worker),
            Tcp("TIME-WAIT", "10.0.0.1:80", "10.0.0.9:5001"),
            Tcp("ESTAB", "10.0.0.1:80", "10.0.0.9:5002", Nginx, Worker),
            Tcp("CLOSE-WAIT", "10.0.0.1:81", "10.0.0.9:5003", Python, Python with { Fd = 9 }),
            new ConnectionInfo { Protocol = "udp", State = "ESTAB", Local = "10.0.0.1:53", Remote = "10.0.0.9:53", Processes = [Python] },
        ]);
        var owners = Scopes.Owner.Items(snapshot).Cast<OwnerItem>().ToList();
        Assert.Equal(["owner python3", "owner nginx", "owner nginx", "owner (process unknown)"], owners.Select(o => o.Subject));
        Assert.Equal(["python3(42)", "nginx(900)", "nginx(901)", OwnerItem.UnknownProcess], owners.Select(o => o.Process));
        // One socket held through two fds of one process counts once; one held by two processes counts for each.
        Assert.Equal([(1, 1), (1, 0), (2, 1), (1, 0)], owners.Select(o => (o.Rows.Total, o.Rows.CloseWait)));
        Assert.Equal("processes the source does not name", Eval(snapshot, Scopes.Owner, owners[3], "owner.process"));
        Assert.Equal("unknown: no process is known for these connections", Eval(snapshot, Scopes.Owner, owners[3], "owner.pid"));
        Assert.Equal("false", Eval(snapshot, Scopes.Owner, owners[3], "owner.known"));
        Assert.Equal("python3(42)", Eval(snapshot, Scopes.Owner, owners[0], "owner.process"));
    }

    [Fact]
    public void Items_are_built_once_per_snapshot()
    {
        var snapshot = Snapshot([Tcp("CLOSE-WAIT", "10.0.0.1:80", "10.0.0.9:5000", Python)]);
        Assert.Same(Scopes.Owner.Items(snapshot), Scopes.Owner.Items(snapshot));
        Assert.Same(Scopes.Destination.Items(snapshot), Scopes.Destination.Items(snapshot));
        Assert.NotSame(Scopes.Owner.Items(snapshot), Scopes.Owner.Items(snapshot with { }));
    }

    [Fact]
    public void A_cut_row_counts_nowhere_and_makes_each_count_a_range()
    {
        var snapshot = Snapshot(
        [
            Tcp("CLOSE-WAIT", "10.0.0.1:443", "10.0.0.7:5000"),
            Tcp("CLOSE-WAIT", "10.0.0.1:443", "10.0.0.7:5001"),
            Tcp("CLOSE-WAIT", "10.0.0.1:…", "…") with { Truncated = true },
        ]);
        var group = Assert.Single(Scopes.Owner.Items(snapshot));
        Assert.Equal("2 to 3", Eval(snapshot, Scopes.Owner, group, "owner.close_wait"));
        Assert.Equal("2 to 3", Eval(snapshot, Scopes.Owner, group, "owner.connections"));
        Assert.Equal("0", Eval(snapshot, Scopes.Owner, group, "owner.established"));   // the cut row is in CLOSE-WAIT
        Assert.Equal("true", Eval(snapshot, Scopes.Owner, group, "owner.close_wait >= 2"));
        Assert.Equal("false", Eval(snapshot, Scopes.Owner, group, "owner.close_wait >= 4"));
        Assert.Equal("false", Eval(snapshot, Scopes.Owner, group, "owner.close_wait > 3"));
        Assert.Equal("true", Eval(snapshot, Scopes.Owner, group, "owner.close_wait < 4"));
        Assert.Equal("false", Eval(snapshot, Scopes.Owner, group, "owner.close_wait == 7"));
        Assert.Equal("true", Eval(snapshot, Scopes.Owner, group, "owner.close_wait != 1"));
        Assert.Equal("unknown: close_wait of processes the source does not name is 2 to 3: 1 row(s) cut in the paste (CLOSE-WAIT or no state) are counted in no group and may be this one's",
            Eval(snapshot, Scopes.Owner, group, "owner.close_wait >= 3"));
        Assert.StartsWith("unknown: ", Eval(snapshot, Scopes.Owner, group, "owner.close_wait + 0 >= 2")); // arithmetic drops the range
    }

    [Fact]
    public void Destinations_count_ephemeral_ports_of_the_busiest_local_address()
    {
        var snapshot = Snapshot(
            [
                Tcp("TIME-WAIT", "10.0.0.1:40000", "10.0.0.5:5432"),
                Tcp("TIME-WAIT", "10.0.0.1:40001", "10.0.0.5:5432"),
                Tcp("ESTAB", "10.0.0.1:40002", "10.0.0.5:5432", Python),
                Tcp("ESTAB", "10.0.0.2:40000", "10.0.0.5:5432", Python),
                Tcp("ESTAB", "10.0.0.1:8080", "10.0.0.9:40000", Nginx),      // accepted on a listener's port
                Tcp("TIME-WAIT", "10.0.0.1:40005", "10.0.0.9:40001"),        // 40005 is a listener's port inside the range
                Tcp("ESTAB", "[2001:db8::1]:40003", "[2001:db8::5]:443"),
            ],
            [
                new ListenerInfo { Protocol = "tcp", Local = "0.0.0.0:8080", Port = 8080 },
                new ListenerInfo { Protocol = "tcp", Local = "0.0.0.0:40005", Port = 40005 },
                new ListenerInfo { Protocol = "udp", Local = "0.0.0.0:40006", Port = 40006 },
            ],
            ("net.ipv4.ip_local_port_range", "40000 40099"), ("net.ipv4.ip_local_reserved_ports", "40090-40099"));
        var items = Scopes.Destination.Items(snapshot).Cast<DestinationItem>().ToList();
        Assert.Equal(["destination 10.0.0.5:5432", "destination 10.0.0.9:40000", "destination 10.0.0.9:40001", "destination [2001:db8::5]:443"],
            items.Select(d => d.Subject));
        var db = items[0];
        Assert.Equal("10.0.0.1", Eval(snapshot, Scopes.Destination, db, "destination.source"));
        Assert.Equal("3", Eval(snapshot, Scopes.Destination, db, "destination.ephemeral"));
        Assert.Equal("2", Eval(snapshot, Scopes.Destination, db, "destination.time_wait"));
        Assert.Equal("2", Eval(snapshot, Scopes.Destination, db, "destination.sources"));
        Assert.Equal("4", Eval(snapshot, Scopes.Destination, db, "destination.sockets"));
        Assert.Equal("89", Eval(snapshot, Scopes.Destination, db, "destination.usable_ports")); // 100 - 10 reserved - 1 TCP listener
        Assert.Equal("3.371%", Eval(snapshot, Scopes.Destination, db, "destination.fill"));
        Assert.Equal("true", Eval(snapshot, Scopes.Destination, db, "destination.outgoing"));
        Assert.Equal("false", Eval(snapshot, Scopes.Destination, items[1], "destination.outgoing"));
        Assert.Equal("0", Eval(snapshot, Scopes.Destination, items[1], "destination.ephemeral"));
        Assert.Equal("0", Eval(snapshot, Scopes.Destination, items[2], "destination.ephemeral"));
        Assert.Equal("unknown: no connection towards it uses an ephemeral port", Eval(snapshot, Scopes.Destination, items[2], "destination.source"));
        Assert.Equal("1", Eval(snapshot, Scopes.Destination, items[3], "destination.ephemeral"));
    }

    [Fact]
    public void Without_the_port_range_destinations_exist_but_their_ports_are_unknown()
    {
        var snapshot = Snapshot([Tcp("TIME-WAIT", "10.0.0.1:40000", "10.0.0.5:5432")], null, ("net.core.somaxconn", "4096"));
        var item = Assert.Single(Scopes.Destination.Items(snapshot));
        Assert.Equal("1", Eval(snapshot, Scopes.Destination, item, "destination.sockets"));
        Assert.Equal("unknown: net.ipv4.ip_local_port_range is not in this snapshot", Eval(snapshot, Scopes.Destination, item, "destination.fill > 50%"));
        Assert.Equal("unknown: net.ipv4.ip_local_port_range is not in this snapshot", Eval(snapshot, Scopes.Destination, item, "destination.usable_ports"));
        Assert.Equal("unknown: net.ipv4.ip_local_port_range is not in this snapshot", Eval(snapshot, Scopes.Destination, item, "destination.outgoing"));
    }

    [Fact]
    public void A_rule_reading_port_counts_needs_sysctl_values_and_one_reading_sockets_does_not()
    {
        static Rule Compile(string condition)
        {
            var yaml = $"""
                id: TA9001
                title: test
                category: custom
                severity: warning
                scope: destination
                condition: '{condition}'
                message: 'm'
                """;
            var diagnostics = new DiagnosticBag();
            var set = RuleSet.Compile([new RuleFile("r/TA9001-t.yaml", yaml, _ => ("t.md", "# t"))], RuleSources.Ranges([], diagnostics), diagnostics);
            Assert.Empty(set.Diagnostics);
            return Assert.Single(set.Rules);
        }
        var bare = new SystemSnapshot
        {
            Source = new SnapshotSource(SnapshotSource.Raw, "ss.txt", [SnapshotCapability.Connections], []),
            Host = new HostInfo(),
            Connections = [Tcp("TIME-WAIT", "10.0.0.1:40000", "10.0.0.5:5432")],
        };
        Assert.Equal("needs the ephemeral port range (net.ipv4.ip_local_port_range), which these captures cannot provide",
            RuleEvaluator.NotApplicableReason(Compile("destination.fill > 50%"), bare));
        Assert.Null(RuleEvaluator.NotApplicableReason(Compile("destination.sockets > 100"), bare));
    }

    [Fact]
    public void Owners_and_destinations_are_collections_in_other_scopes()
    {
        var snapshot = Snapshot(
        [
            Tcp("CLOSE-WAIT", "10.0.0.1:80", "10.0.0.9:5000", Python),
            Tcp("CLOSE-WAIT", "10.0.0.1:80", "10.0.0.9:5001", Python),
            Tcp("ESTAB", "10.0.0.1:40000", "10.0.0.5:5432", Nginx),
        ], null, ("net.ipv4.ip_local_port_range", "40000 40099"), ("net.ipv4.ip_local_reserved_ports", ""));
        var host = Scopes.Host.Items(snapshot)[0];
        Assert.Equal("2", Eval(snapshot, Scopes.Host, host, "max(owners, it.close_wait)"));
        Assert.Equal("1", Eval(snapshot, Scopes.Host, host, "count(owners where it.close_wait > 0)"));
        Assert.Equal("1", Eval(snapshot, Scopes.Host, host, "sum(destinations, it.ephemeral)"));
    }
}
