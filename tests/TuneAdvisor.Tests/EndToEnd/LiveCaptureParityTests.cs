using System.Text.Json;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// Issue "offline inputs", done-when: an audit of a live host and an audit of that host's own raw captures
/// (`sysctl -a`, `ss -tanpi`, `cat /proc/net/…`) taken at the same moment give the same findings, except rate-based
/// rules, which say why. The namespace has somaxconn 128, a listener (backlog 8) flooded past its accept queue,
/// established connections with traffic and TIME-WAIT sockets, so several non-rate rules fire on both sides.
/// </summary>
public sealed class LiveCaptureParityTests : IDisposable
{
    private static readonly string Scenario = FloodedListener.Then("""
        srv = listen(9090, 64)
        pairs = []
        for i in range(6):
            c = socket.create_connection(("127.0.0.1", 9090))
            a, _ = srv.accept()
            c.sendall(b"x" * 50000)
            got = 0
            while got < 50000:
                got += len(a.recv(65536))
            if i < 3:
                c.close()   # the active closer goes to TIME-WAIT
                a.close()
            else:
                pairs.append((c, a))

        """);

    private readonly string _captures = Directory.CreateTempSubdirectory("ta-captures-").FullName;

    public void Dispose() => Directory.Delete(_captures, recursive: true);

    [LiveFact]
    public void Live_audit_and_audit_of_the_same_moments_captures_agree_except_rate_rules()
    {
        using var ns = new Netns();
        ns.Sysctl("net.core.somaxconn", "128");
        ns.StartPython(Scenario);

        // The captures a support engineer would paste into a ticket, taken with the real tools inside the namespace,
        // immediately before the live audit takes its first sample.
        var procFiles = string.Join("; ", new[] { "netstat", "snmp", "snmp6", "dev", "sockstat", "softnet_stat" }
            .Select(f => $"cat /proc/net/{f} > '{_captures}/proc-net-{f}.txt'"));
        // /proc/softirqs is host-wide: a live audit in the namespace sees the whole machine's NET_RX, so TA1209 may
        // fire there on a busy machine; with the file among the captures it is a rate rule on both sides.
        ns.Exec("sh", "-c", $"sysctl -a > '{_captures}/sysctl-a.txt' 2>/dev/null; ss -tanpi > '{_captures}/ss-tanpi.txt'; {procFiles}; cat /proc/softirqs > '{_captures}/proc-softirqs.txt'")
            .EnsureSuccess("captures");
        var live = Audit(ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "2s"));
        var offline = Audit(ProcessRunner.Run(RepoPaths.Cli, ["audit", "--format", "json", "--input", _captures]));

        Assert.Equal("live", live.Source);
        Assert.Equal("raw", offline.Source);
        // Not a vacuous comparison: configuration, queue and counter rules fire on both sides.
        foreach (var id in new[] { "TA1001", "TA1002", "TA1003" })
        {
            Assert.Contains(live.Findings, f => f.Rule == id);
            Assert.Contains(offline.Findings, f => f.Rule == id);
        }

        var rateRules = offline.Outcomes
            .Where(o => o.Kind == "NotApplicable" && o.Reason is { } r && r.Contains("two samples", StringComparison.Ordinal))
            .Select(o => o.Rule).ToHashSet();
        Assert.NotEmpty(rateRules);
        foreach (var rule in rateRules)
            Assert.Equal("needs two samples, which these captures cannot provide", offline.Outcomes.First(o => o.Rule == rule).Reason);

        var liveFindings = live.Findings.Where(f => !rateRules.Contains(f.Rule)).Select(f => f.ToString()).Order(StringComparer.Ordinal);
        var offlineFindings = offline.Findings.Select(f => f.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(string.Join("\n", liveFindings), string.Join("\n", offlineFindings));
        // A configuration finding quotes the same value from both sources.
        Assert.Equal(live.Findings.Single(f => f.Rule == "TA1001").Message, offline.Findings.Single(f => f.Rule == "TA1001").Message);
        // Every rule that ran live also ran on the captures, or says why it could not (no fd limits, no conntrack).
        foreach (var rule in live.Outcomes.Select(o => o.Rule).Distinct())
            Assert.Contains(offline.Outcomes, o => o.Rule == rule && (o.Kind != "NotApplicable" || !string.IsNullOrEmpty(o.Reason)));
        // Counter evidence names where the counter was read on each side.
        Assert.Equal("/proc/net/netstat", live.OverflowSource);
        Assert.Equal(Path.Combine(_captures, "proc-net-netstat.txt"), offline.OverflowSource);
        // The capture's kernel comes from kernel.osrelease in `sysctl -a`, so kernel-range rules resolve the same way.
        Assert.Equal(live.Kernel, offline.Kernel);
    }

    private sealed record FindingKey(string Rule, string Subject, string Message)
    {
        // Messages quote live values (queue fill, counters) that move between the two reads, as SYN retries keep
        // overflowing the full queue: the rule and the subject are what must agree.
        public override string ToString() => $"{Rule} {Subject}";
    }

    private sealed record OutcomeRow(string Rule, string Subject, string Kind, string? Reason);

    private sealed record AuditJson(string Source, string? Kernel, List<FindingKey> Findings, List<OutcomeRow> Outcomes, string? OverflowSource);

    private static AuditJson Audit(ProcessRunner.Result run)
    {
        Assert.True(run.ExitCode == 1, $"audit should exit 1 (findings), got {run.ExitCode}: {run.Stderr}");
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => new FindingKey(f.GetProperty("ruleId").GetString()!, f.GetProperty("subject").GetString()!,
                f.GetProperty("message").GetString()!))
            .ToList();
        var outcomes = root.GetProperty("outcomes").EnumerateArray()
            .Select(o => new OutcomeRow(o.GetProperty("ruleId").GetString()!, o.GetProperty("subject").GetString()!,
                o.GetProperty("kind").GetString()!, o.GetProperty("reason").GetString()))
            .ToList();
        var source = root.GetProperty("source");
        var overflow = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "TA1003")
            .GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("expression").GetString()!.StartsWith("counter(", StringComparison.Ordinal));
        return new AuditJson(source.GetProperty("kind").GetString()!, root.GetProperty("host").GetProperty("kernel").GetString(), findings, outcomes,
            overflow.GetProperty("source").GetString());
    }
}
