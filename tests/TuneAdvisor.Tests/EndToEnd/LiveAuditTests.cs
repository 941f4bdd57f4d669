using System.Text.Json;
using System.Text.RegularExpressions;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// The end-to-end check of issue "audit on this host": a namespace with somaxconn 128 and a listener (backlog 8) that
/// never accepts, flooded by 20 clients; the built tuneadvisor runs inside it and must report both problems with the
/// same Recv-Q/Send-Q that `ss -lnt` prints there.
/// </summary>
public sealed class LiveAuditTests
{
    private static readonly string Listener = FloodedListener.Then();

    [LiveFact]
    public void Audit_inside_a_namespace_reports_somaxconn_and_the_full_listener_like_ss()
    {
        using var ns = new Netns();
        ns.Sysctl("net.core.somaxconn", "128");
        ns.StartPython(Listener);

        var audit = ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "1s");
        var ss = ns.Exec("ss", "-lnt").EnsureSuccess("ss -lnt");

        Assert.True(audit.ExitCode == 1, $"audit should exit 1 on findings, got {audit.ExitCode}: {audit.Stderr}");
        using var doc = JsonDocument.Parse(audit.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "TA1001" && f.GetProperty("message").GetString()!.Contains("net.core.somaxconn is 128"));
        var full = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "TA1002");
        Assert.Equal("listener tcp 127.0.0.1:8080", full.GetProperty("subject").GetString());
        Assert.Equal("error", full.GetProperty("severity").GetString());

        // The listener as ss prints it: State Recv-Q Send-Q Local Peer.
        var row = ss.Stdout.Split('\n').Single(l => l.Contains("127.0.0.1:8080"));
        var cols = Regex.Split(row.Trim(), @"\s+");
        var (ssRecvQ, ssSendQ) = (long.Parse(cols[1]), long.Parse(cols[2]));
        Assert.Equal((9L, 8L), (ssRecvQ, ssSendQ)); // backlog 8 holds limit + 1

        var snapshot = ns.Exec(RepoPaths.Cli, "collect", "--interval", "0").EnsureSuccess("collect");
        using var snap = JsonDocument.Parse(snapshot.Stdout);
        // The source names the host and the namespace it ran in (a throwaway one, not the host's own).
        var location = snap.RootElement.GetProperty("source").GetProperty("location").GetString()!;
        Assert.Matches(@"^\S+, network namespace net:\[\d+\]$", location);
        var listener = snap.RootElement.GetProperty("listeners").EnumerateArray().Single(l => l.GetProperty("local").GetString() == "127.0.0.1:8080");
        Assert.Equal(ssRecvQ, listener.GetProperty("recvQ").GetInt64());
        Assert.Equal(ssSendQ, listener.GetProperty("sendQ").GetInt64());
    }
}
