using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// The aggregate rules on a real kernel, inside a throwaway namespace, with the built CLI: a python3 server that never
/// closes the 200 connections its clients closed (TA1306, scope owner), and a client that uses up a 200-port
/// ephemeral range towards one loopback listener until connect() fails with EADDRNOTAVAIL, its sockets then in
/// TIME-WAIT (TA1406, scope destination). Each count the audit reports is compared with what ss prints in the namespace.
/// </summary>
public sealed class LiveSocketPileupTests
{
    private const int Sockets = 200;

    /// <summary>Accepts every connection and never closes one; each client closes at once, so the server's side sits in CLOSE-WAIT.</summary>
    private const string CloseWaitServer = """
        import os, socket, time
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", 7000))
        srv.listen(1024)
        held = []
        for _ in range(200):
            c = socket.create_connection(("127.0.0.1", 7000))
            s, _ = srv.accept()
            held.append(s)
            c.close()
        print("ready", os.getpid(), flush=True)
        time.sleep(600)
        """;

    /// <summary>
    /// Connects to its own listener until connect() fails, closing each client socket at once while the server holds its
    /// side; then the server closes them all, so every client side (an ephemeral port) sits in TIME-WAIT. One thread in
    /// lockstep: a server thread closing while the client closes made the kernel reset a few TIME-WAIT sockets, and so
    /// let a few more connections through than the range holds. Prints how many connected and the errno.
    /// </summary>
    private const string PortExhauster = """
        import errno, socket, time
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", 5000))
        srv.listen(1024)
        held = []
        err = "none"
        while len(held) < 1000:
            c = socket.socket()
            try:
                c.connect(("127.0.0.1", 5000))
            except OSError as e:
                err = errno.errorcode.get(e.errno, str(e.errno))
                c.close()
                break
            s, _ = srv.accept()
            held.append(s)
            c.close()
        for s in held:
            s.close()
        print("ready", len(held), err, flush=True)
        time.sleep(600)
        """;

    [LiveFact]
    public void A_process_that_never_closes_200_sockets_its_clients_closed_is_named_with_the_count_ss_shows()
    {
        using var ns = new Netns();
        var ready = ReadyLine(ns.Start("python3", "-u", "-c", CloseWaitServer));
        var pid = int.Parse(ready[1]);
        var ssRows = WaitForRows(ns, ["-tan", "state", "close-wait"], rows => rows.Count(r => r.Contains("127.0.0.1:7000")) == Sockets);
        var ssCount = ssRows.Count(r => Regex.IsMatch(r, @"\s127\.0\.0\.1:7000(\s|$)"));
        Assert.Equal(Sockets, ssCount);

        using var tree = new TempTree();
        // The threshold at exactly the count: the rule fires at close_wait >= the option.
        var policy = tree.Write("policy.yaml", "options:\n  TA1306:\n    close_wait: 200\n");
        var audit = ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "0", "--policy", policy);
        Assert.True(audit.ExitCode == 1, $"audit should exit 1 on findings, got {audit.ExitCode}: {audit.Stderr}");
        using var doc = JsonDocument.Parse(audit.Stdout);
        var finding = Assert.Single(Findings(doc, "TA1306"));
        Assert.Equal("owner python3", finding.GetProperty("subject").GetString());   // the pid is in the message, not the subject
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Contains($"python3({pid}): {ssCount} TCP connections in CLOSE-WAIT", finding.GetProperty("message").GetString());

        // One more than the count is the other side of the boundary: no finding.
        var above = tree.Write("above.yaml", "options:\n  TA1306:\n    close_wait: 201\n");
        var quiet = ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "0", "--policy", above, "--fail-on", "none");
        Assert.True(quiet.ExitCode == 0, $"audit exited {quiet.ExitCode}: {quiet.Stderr}");
        using var quietDoc = JsonDocument.Parse(quiet.Stdout);
        Assert.Empty(Findings(quietDoc, "TA1306"));
    }

    [LiveFact]
    public void Ephemeral_ports_used_up_towards_one_listener_are_an_error_naming_it_with_the_count_ss_shows()
    {
        using var ns = new Netns();
        ns.Sysctl("net.ipv4.ip_local_port_range", "40000 40199");
        // The default 2 lets loopback connections take over TIME-WAIT ports; 0 makes the range run out.
        ns.Sysctl("net.ipv4.tcp_tw_reuse", "0");
        var ready = ReadyLine(ns.Start("python3", "-u", "-c", PortExhauster));
        Assert.Equal(["ready", Sockets.ToString(), "EADDRNOTAVAIL"], ready);

        static bool Ephemeral(string row) =>
            Regex.Match(row, @"\s127\.0\.0\.1:(\d+)\s+127\.0\.0\.1:5000(\s|$)") is { Success: true } m && int.Parse(m.Groups[1].Value) is >= 40000 and <= 40199;
        var ssRows = WaitForRows(ns, ["-tan"], rows => rows.Count(Ephemeral) == Sockets);
        var ssCount = ssRows.Count(Ephemeral);

        var audit = ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "0");
        Assert.True(audit.ExitCode == 1, $"audit should exit 1 on findings, got {audit.ExitCode}: {audit.Stderr}");
        using var doc = JsonDocument.Parse(audit.Stdout);
        var finding = Assert.Single(Findings(doc, "TA1406"));
        Assert.Equal("destination 127.0.0.1:5000", finding.GetProperty("subject").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains($"{ssCount} of {Sockets} usable ephemeral ports are in use towards 127.0.0.1:5000 from 127.0.0.1 (100%; {ssCount} of them in TIME-WAIT",
            finding.GetProperty("message").GetString());
    }

    private static IEnumerable<JsonElement> Findings(JsonDocument doc, string ruleId) =>
        doc.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == ruleId).ToList();

    /// <summary>The helper's first stdout line ("ready …"), split into words; fails with its stderr if it does not come.</summary>
    private static string[] ReadyLine(Process helper)
    {
        var line = helper.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(30)) || line.Result is null)
            throw new InvalidOperationException("python helper did not become ready: " + (helper.HasExited ? helper.StandardError.ReadToEnd() : "(still running)"));
        return line.Result.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>`ss ARGS` rows in the namespace, polled (at most 10 s) until <paramref name="done"/> holds: the last FINs may still be in flight.</summary>
    private static List<string> WaitForRows(Netns ns, string[] args, Func<List<string>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var rows = ns.Exec("ss", args).EnsureSuccess("ss " + string.Join(' ', args)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            if (done(rows) || DateTime.UtcNow > deadline)
                return rows;
            Thread.Sleep(100);
        }
    }
}
