using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Policy;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Captures;
using TuneAdvisor.Tests.Formats;

namespace TuneAdvisor.Tests.Sources.Captures;

/// <summary>Raw captures of several runs or several hosts: runs become two samples, hosts are never merged.</summary>
public sealed class RawCaptureSetTests : IDisposable
{
    private static readonly FixedTime Time = new(DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-set-").FullName;

    private static string Corpus(string file) => Path.Combine(RepoPaths.Corpus!, "plantegg-netstat-s-egrep-listen-snapshots", file);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [CorpusFact]
    public void Five_servers_in_one_file_are_refused_as_one_host_and_read_one_at_a_time()
    {
        var file = Corpus("netstat-s-listen-lines-5-servers.txt");
        var (_, diagnostics) = RawInputReader.Read([file], Time, InputParserRegistry.Default);
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("TA0211", error.Id);
        Assert.Contains("holds captures of 5 hosts, which are never merged into one: 'server1', 'server2', 'server3', 'server4', 'server5' (blocks under label lines)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("choose it with --host LABEL, or give only that host's files", error.Message, StringComparison.Ordinal);

        var (one, notes) = RawInputReader.Read([file], Time, InputParserRegistry.Default, host: "server1");
        Assert.Equal(150, one.Counters["TcpExt.ListenDrops"]);
        // server3..5 print the overflow line, so the same grep passes it; server1 has none, and net-tools omits it when zero.
        Assert.Equal(0, one.Counters["TcpExt.ListenOverflows"]);
        Assert.Contains("other blocks of the paste print it", one.CounterSources!["TcpExt.ListenOverflows"], StringComparison.Ordinal);
        Assert.Contains(notes, d => d.Message.StartsWith("TcpExt.ListenOverflows read as 0: other runs or blocks of this paste print that line", StringComparison.Ordinal));
        Assert.Equal($"{file}:2", one.CounterSources!["TcpExt.ListenDrops"]);
        Assert.DoesNotContain(notes, d => d.Severity >= Severity.Warning);
        Assert.Contains(notes, d => d.Span.Line == 1 && d.Message == "a label line: the lines below are read as host or block 'server1'");

        var set = RawInputReader.ReadSet([file], Time, InputParserRegistry.Default);
        Assert.Equal(["server1", "server2", "server3", "server4", "server5"], set.Hosts.Select(h => h.Label));
        Assert.Equal((16329L, 16422L), (set.Hosts[2].Snapshot.Counters["TcpExt.ListenOverflows"], set.Hosts[2].Snapshot.Counters["TcpExt.ListenDrops"]));

        var (_, unknown) = RawInputReader.Read([file], Time, InputParserRegistry.Default, host: "server9");
        Assert.Equal($"{file}: no host named 'server9' in the captures (hosts: server1, server2, server3, server4, server5)", Assert.Single(unknown).Message);
    }

    [CorpusFact]
    public void The_case_folder_is_six_hosts_the_unlabelled_file_named_by_its_path()
    {
        var dir = Path.GetDirectoryName(Corpus("x"))!;
        var set = RawInputReader.ReadSet([dir], Time, InputParserRegistry.Default);
        var runs = Path.Combine(dir, "netstat-s-egrep-listen-2-runs.txt");
        Assert.Equal(["server1", "server2", "server3", "server4", "server5", runs], set.Hosts.Select(h => h.Label));
        var (s, _) = RawInputReader.Read([dir], Time, InputParserRegistry.Default, host: runs);
        Assert.Equal(221, s.Deltas!["TcpExt.ListenOverflows"]);
        var (server2, _) = RawInputReader.Read([dir], Time, InputParserRegistry.Default, host: "server2");
        Assert.Equal(193, server2.Counters["TcpExt.ListenDrops"]);
        Assert.Null(server2.Deltas);   // the other file's runs are not this host's
    }

    [Fact]
    public void Two_namespaces_captured_here_under_echo_labels_are_two_hosts()
    {
        var file = CaptureFiles.Path_(Path.Combine("netstat-s", "netstat-s_grep-listen_2-hosts.txt"));
        var set = RawInputReader.ReadSet([file], Time, InputParserRegistry.Default);
        Assert.Equal(["ta-stats-cap", "ta-stats-cap2"], set.Hosts.Select(h => h.Label));
        var (s, _) = RawInputReader.Read([file], Time, InputParserRegistry.Default, host: "TA-STATS-CAP2");
        Assert.Equal((3L, 3L), (s.Counters["TcpExt.ListenOverflows"], s.Counters["TcpExt.ListenDrops"]));
    }

    [CorpusFact]
    public void Two_timed_runs_are_two_samples_so_the_overflow_rate_rule_runs()
    {
        var file = Corpus("netstat-s-egrep-listen-2-runs.txt");
        var (s, diagnostics) = RawInputReader.Read([file], Time, InputParserRegistry.Default);
        Assert.Equal(1641906, s.Counters["TcpExt.ListenOverflows"]);
        Assert.Equal((221L, 221L), (s.Deltas!["TcpExt.ListenOverflows"], s.Deltas["TcpExt.ListenDrops"]));
        Assert.Equal(1, s.IntervalSeconds);
        Assert.Contains(SnapshotCapability.Rates, s.Source.Capabilities);
        Assert.Equal(DateTimeOffset.Parse("2017-05-05T15:39:58Z", System.Globalization.CultureInfo.InvariantCulture), s.CapturedAt);
        Assert.Contains(diagnostics, d => d.Span.Line == 6 && d.Message.StartsWith("2 runs (starting at lines 1, 6): the first and the last are two samples 1 s apart", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Severity >= Severity.Warning);

        var result = Advisor.Analyze(s, RuleSet.Load(builtIn: true, []), AuditPolicy.Default, diagnostics, Time.GetUtcNow());
        var finding = Assert.Single(result.Findings, f => f.RuleId == "TA1005");
        Assert.Contains("221", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_without_date_lines_read_the_last_and_say_the_earlier_were_ignored()
    {
        var file = Write("grep.txt", "    5 times the listen queue of a socket overflowed\n    9 times the listen queue of a socket overflowed\n");
        var (s, diagnostics) = RawInputReader.Read([file], Time, InputParserRegistry.Default);
        Assert.Equal(9, s.Counters["TcpExt.ListenOverflows"]);
        Assert.Null(s.Deltas);
        Assert.Contains(diagnostics, d => d.Span.Line == 2 && d.Severity == Severity.Info
            && d.Message == "2 runs (starting at lines 1, 2) without a readable `date` line for the first and the last: the last run was read and the earlier ones were ignored (no interval, so no rates)");
    }

    [Fact]
    public void A_folder_of_two_hosts_by_uname_is_split_by_subfolder_and_never_merged()
    {
        var uname = CaptureFiles.Text("uname_-a.txt");
        var hostname = uname.Split(' ')[1];
        Write("web1/uname", uname);
        Write("web1/stats", "TcpExt:\n    7 times the listen queue of a socket overflowed\n");
        Write("web2/uname", uname.Replace($" {hostname} ", " web2.example ", StringComparison.Ordinal));
        Write("web2/stats", "TcpExt:\n    2 SYNs to LISTEN sockets dropped\n");

        var set = RawInputReader.ReadSet([_dir], Time, InputParserRegistry.Default);
        Assert.Equal([hostname, "web2.example"], set.Hosts.Select(h => h.Label));
        Assert.Equal([Path.Combine(_dir, "web2", "stats"), Path.Combine(_dir, "web2", "uname")], set.Hosts[1].Files.ToArray());
        var (_, refused) = RawInputReader.Read([_dir], Time, InputParserRegistry.Default);
        Assert.Equal("TA0211", Assert.Single(refused, d => d.Severity == Severity.Error).Id);
        var (web2, _) = RawInputReader.Read([_dir], Time, InputParserRegistry.Default, host: "web2.example");
        Assert.Equal(2, web2.Counters["TcpExt.ListenDrops"]);
        Assert.Equal(0, web2.Counters["TcpExt.ListenOverflows"]);   // its own TcpExt section, fully understood; web1's 7 is not here
        Assert.Equal("web2.example", web2.Host.Hostname);
    }

    [Fact]
    public void Captures_in_one_folder_that_disagree_on_a_net_sysctl_cannot_be_told_apart_and_are_an_error()
    {
        Write("a.txt", "net.core.somaxconn = 4096\n");
        Write("b.txt", "net.core.somaxconn = 128\n");
        var (_, diagnostics) = RawInputReader.Read([_dir], Time, InputParserRegistry.Default);
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("TA0211", error.Id);
        Assert.Contains($"net.core.somaxconn = '4096' ({Path.Combine(_dir, "a.txt")}) and '128' ({Path.Combine(_dir, "b.txt")})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_in_a_folder_is_noted_and_skipped_but_named_on_the_command_line_it_is_an_error()
    {
        var empty = Write("empty.txt", "");
        Write("s.txt", "Tcp:\n    3 segments retransmitted\n");
        var (s, diagnostics) = RawInputReader.Read([_dir], Time, InputParserRegistry.Default);
        Assert.Equal(3, s.Counters["Tcp.RetransSegs"]);
        var note = Assert.Single(diagnostics, d => d.Span.Path == empty);
        Assert.Equal((Severity.Info, $"{empty} is empty; skipped"), (note.Severity, note.Message));

        var (_, named) = RawInputReader.Read([empty], Time, InputParserRegistry.Default);
        Assert.Equal("TA0202", Assert.Single(named, d => d.Severity == Severity.Error).Id);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
