using System.Text.Json;
using System.Text.RegularExpressions;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// TA1305 on real stuck send queues, in throwaway namespaces on loopback: a peer that stops reading (zero window),
/// and a path that drops every packet (nftables), against the same connection as `ss -tn` prints it there; and
/// TA1301 on a path that loses one packet in ten (nftables numgen; this kernel has no netem).
/// </summary>
public sealed class LiveSendQueueTests
{
    /// <summary>A server that accepts one connection and never reads; the client writes until its buffer is full.</summary>
    private const string NeverReadingPeer = """
        import socket, time
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        srv.bind(("127.0.0.1", 7000))
        srv.listen(8)
        cli = socket.create_connection(("127.0.0.1", 7000))
        conn, _ = srv.accept()
        cli.setblocking(False)
        sent = 0
        try:
            while sent < 64 * 1024 * 1024:
                sent += cli.send(b"x" * 65536)
        except BlockingIOError:
            pass
        time.sleep(1.0)
        print("ready", cli.getsockname()[1], flush=True)
        time.sleep(600)
        """;

    /// <summary>A bulk transfer to :7001 that keeps writing (another thread reads on the server side).</summary>
    private const string BulkTransfer = """
        import socket, threading, time, sys
        srv = socket.socket()
        srv.bind(("127.0.0.1", 7001))
        srv.listen(8)
        cli = socket.create_connection(("127.0.0.1", 7001))
        conn, _ = srv.accept()
        def drain():
            while True:
                if not conn.recv(1 << 20):
                    return
        threading.Thread(target=drain, daemon=True).start()
        def pump():
            end = time.time() + 60
            while time.time() < end:
                try:
                    cli.send(b"y" * 65536)
                except OSError:
                    return
        threading.Thread(target=pump, daemon=True).start()
        time.sleep(0.5)
        print("ready", cli.getsockname()[1], flush=True)
        time.sleep(600)
        """;

    private static List<JsonElement> Findings(ProcessRunner.Result audit)
    {
        Assert.True(audit.ExitCode is 0 or 1, $"audit failed with {audit.ExitCode}: {audit.Stderr}");
        using var doc = JsonDocument.Parse(audit.Stdout);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone())];
    }

    [LiveFact]
    public void A_send_queue_behind_a_peer_that_stopped_reading_is_stuck_with_a_zero_window()
    {
        using var ns = new Netns();
        var port = StartReady(ns, NeverReadingPeer);
        var subject = "connection tcp 127.0.0.1 -> 127.0.0.1:7000";   // named by the service, not the ephemeral {port}

        var findings = Findings(ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "2s"));
        var ss = ns.Exec("ss", "-tn", "state", "established", $"sport = :{port}").EnsureSuccess("ss -tn");

        var stuck = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "TA1305" && f.GetProperty("subject").GetString() == subject);
        var message = stuck.GetProperty("message").GetString()!;
        Assert.Contains("cause: peer zero window", message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "TA1304" && f.GetProperty("subject").GetString() == subject);
        // The queue does not move, so ss afterwards prints the Send-Q the audit reported.
        var row = ss.Stdout.Split('\n').Single(l => l.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
        var sendQ = Regex.Split(row.Trim(), @"\s+")[1];
        Assert.Contains($"{sendQ} bytes wait in the send queue", message, StringComparison.Ordinal);
    }

    [LiveFact]
    public void A_path_that_drops_everything_leaves_a_stuck_queue_classified_as_path_loss()
    {
        // Every segment to the server is lost on its way in (after it left the sender, as on a path): data waits,
        // retransmissions back off, nothing is acked.
        var (stuck, _) = StuckBulkTransfer("input");
        Assert.Equal("error", stuck.GetProperty("severity").GetString());
        Assert.Contains("cause: path loss", stuck.GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    [LiveFact]
    public void Packets_this_host_refuses_to_send_are_a_local_transmit_failure_not_a_zero_window()
    {
        // An OUTPUT drop fails the transmit itself: nothing is in flight, so the kernel arms the probe timer with the
        // peer's window wide open, which ss shows as "persist" like a zero window.
        var (stuck, findings) = StuckBulkTransfer("output");
        Assert.Contains("cause: local transmit failure", stuck.GetProperty("message").GetString()!, StringComparison.Ordinal);
        var subject = stuck.GetProperty("subject").GetString();
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "TA1304" && f.GetProperty("subject").GetString() == subject);
    }

    /// <summary>A bulk transfer to :7001 whose packets nftables then drops at <paramref name="hook"/>; the TA1305 finding on it and all findings.</summary>
    private static (JsonElement Stuck, List<JsonElement> Findings) StuckBulkTransfer(string hook)
    {
        using var ns = new Netns();
        var port = StartReady(ns, BulkTransfer);
        Nft(ns, "add table inet ta", $"add chain inet ta c {{ type filter hook {hook} priority 0 ; }}", "add rule inet ta c tcp dport 7001 drop");
        Thread.Sleep(1500);
        var findings = Findings(ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "2s"));
        var stuck = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "TA1305"
            && f.GetProperty("subject").GetString() == "connection tcp 127.0.0.1 -> 127.0.0.1:7001"
            && f.GetProperty("message").GetString()!.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
        return (stuck, findings);
    }

    [LiveFact]
    public void One_packet_in_ten_lost_on_a_bulk_transfer_is_a_retransmission_rate_error()
    {
        using var ns = new Netns();
        ns.Exec("ip", "link", "set", "lo", "mtu", "1500").EnsureSuccess("ip link set lo mtu 1500");
        Nft(ns, "add table inet ta", "add chain inet ta in { type filter hook input priority 0 ; }",
            "add rule inet ta in tcp dport 7001 numgen random mod 10 0 drop");
        StartReady(ns, BulkTransfer);
        var policy = Path.Combine(Path.GetTempPath(), $"ta-loss-{Environment.ProcessId}.yaml");
        File.WriteAllText(policy, "options: { TA1301: { min_segments: 500 } }\n");
        try
        {
            var findings = Findings(ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "2s", "--policy", policy));
            var loss = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "TA1301");
            Assert.Equal("error", loss.GetProperty("severity").GetString());   // ~10 % of segments: above the 5 % error line
            var nstat = ns.Exec("nstat", "-az", "TcpRetransSegs").EnsureSuccess("nstat");
            Assert.Matches(@"TcpRetransSegs\s+[1-9]", nstat.Stdout);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    private static int StartReady(Netns ns, string script)
    {
        var p = ns.Start("python3", "-u", "-c", script);
        var line = p.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(20)) || line.Result is not { } ready || !ready.StartsWith("ready ", StringComparison.Ordinal))
            throw new InvalidOperationException("python helper did not become ready: " + p.StandardError.ReadToEnd());
        return int.Parse(ready["ready ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Nft(Netns ns, params string[] commands)
    {
        foreach (var command in commands)
            ns.Exec("nft", [.. command.Split(' ')]).EnsureSuccess("nft " + command);
    }
}
