using System.Text.Json;

namespace TuneAdvisor.Tests.Collection;

/// <summary>
/// Connections that close inside the sampling window, seen through sock_diag destroy events by `tuneadvisor collect`
/// run as root inside a namespace. Two connections, both closed by the client first, then by the server, 5 s after
/// the ready line (so even a cold JIT start of the CLI has taken its first sample) and 5 s before the second sample:
/// <list type="bullet">
/// <item>A, 127.0.0.1 → 127.0.0.3:9090, opened before the window with 1000 bytes sent, then 5000 more inside it;</item>
/// <item>B, 127.0.0.1 → 127.0.0.2:9090, opened, 5000 bytes sent, and closed entirely inside the window.</item>
/// </list>
/// tcpi_bytes_acked counts the sequence space the peer acknowledged: the payload plus the SYN and the FIN (+1 each),
/// so A's client acked 5000 + FIN = 5001 in the window (its SYN was before) and B's client 5000 + SYN + FIN = 5002.
/// tcpi_bytes_received counts the FIN received with the data: each server side received 5000 + 1.
/// </summary>
public sealed class LiveClosedConnectionTests
{
    private const string Script = """
        import socket, time
        def server(addr):
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((addr, 9090)); s.listen(4); return s
        def finish(cli, conn, n):
            cli.sendall(b"x" * n)
            got = 0
            while got < n:
                got += len(conn.recv(65536))
            cli.close(); time.sleep(0.05)
            assert conn.recv(10) == b""
            conn.close()
        la, lb = server("127.0.0.3"), server("127.0.0.2")
        a = socket.create_connection(("127.0.0.3", 9090)); sa, _ = la.accept()
        a.sendall(b"p" * 1000); assert len(sa.recv(65536)) == 1000
        print("ready", flush=True)
        time.sleep(5)
        finish(a, sa, 5000)
        b = socket.create_connection(("127.0.0.2", 9090)); sb, _ = lb.accept()
        finish(b, sb, 5000)
        time.sleep(600)
        """;

    [LiveFact]
    public void Connections_that_close_inside_the_window_are_counted_from_their_destroy_events()
    {
        using var ns = new Netns();
        var python = ns.StartPython(Script);
        var collect = ns.Exec(RepoPaths.Cli, "collect", "--interval", "10s").EnsureSuccess("collect");
        using var doc = JsonDocument.Parse(collect.Stdout);
        var root = doc.RootElement;

        Assert.Contains("ClosedConnections", root.GetProperty("source").GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        var closed = root.GetProperty("closedConnections").EnumerateArray()
            .Select(c => $"{c.GetProperty("local").GetString()} {c.GetProperty("remote").GetString()} {c.GetProperty("state").GetString()} "
                + $"out {c.GetProperty("deltaBytesAcked").GetInt64()} in {c.GetProperty("deltaBytesReceived").GetInt64()} "
                + string.Join(",", c.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("name").GetString())))
            .ToList();
        // Client ports are the kernel's choice: compare without them.
        Assert.Equal(
        [
            "127.0.0.1:* 127.0.0.2:9090 CLOSE out 5002 in 0 ",         // B's client: born in the window, process unknown
            "127.0.0.1:* 127.0.0.3:9090 CLOSE out 5001 in 0 python3",  // A's client: minus its first-sample counters
            "127.0.0.2:9090 127.0.0.1:* CLOSE out 1 in 5001 ",
            "127.0.0.3:9090 127.0.0.1:* CLOSE out 1 in 5001 python3",
        ], closed.Select(c => System.Text.RegularExpressions.Regex.Replace(c, @"127\.0\.0\.1:\d+", "127.0.0.1:*")).Order(StringComparer.Ordinal));

        var peers = root.GetProperty("peers").EnumerateArray().ToDictionary(p => p.GetProperty("remote").GetString()!, p => p);
        Assert.Equal(5002, peers["127.0.0.2"].GetProperty("bytesOut").GetInt64());
        Assert.Equal(1, peers["127.0.0.2"].GetProperty("connections").GetInt32());
        Assert.Equal(5001, peers["127.0.0.3"].GetProperty("bytesOut").GetInt64());
        Assert.Equal(2, peers["127.0.0.1"].GetProperty("connections").GetInt32());
        Assert.Equal(2 * 5001, peers["127.0.0.1"].GetProperty("bytesIn").GetInt64());
        Assert.Equal($"python3({python.Id})", peers["127.0.0.3"].GetProperty("processes")[0].GetString());

        // Without the destroy events all of it would be invisible: no connection of the last sample moved a byte.
        Assert.All(root.GetProperty("connections").EnumerateArray(), c =>
        {
            // An unknown delta is left out of the file (snapshot format 2); a known one must be 0.
            foreach (var name in new[] { "deltaBytesAcked", "deltaBytesReceived" })
                Assert.True(!c.TryGetProperty(name, out var d) || d.ValueKind != JsonValueKind.Number || d.GetInt64() == 0, c.ToString());
        });
        Assert.DoesNotContain(root.GetProperty("notes").EnumerateArray(), n => n.GetProperty("location").GetString() == "sock_diag destroy events");
    }
}
