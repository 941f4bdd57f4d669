using System.Text.Json;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// Per-peer traffic from per-socket tcp_info deltas: a client connected before the first sample sends a known number
/// of bytes during the window, and the peer table shows exactly that many (payload bytes; the handshake happened
/// before t0 and no FIN is sent inside the window, so there is no ±1 for SYN/FIN). The send waits 4 s so that even a cold JIT start
/// of the CLI takes its first sample before it.
/// </summary>
public sealed class LivePeerTrafficTests
{
    private const int Bytes = 123_456;

    private const string Script = """
        import socket, threading, time
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.2", 9090))
        srv.listen(4)
        cli = socket.socket()
        cli.connect(("127.0.0.2", 9090))
        conn, _ = srv.accept()
        def drain():
            while True:
                if not conn.recv(65536):
                    return
        threading.Thread(target=drain, daemon=True).start()
        print("ready", flush=True)
        time.sleep(4)
        cli.sendall(b"x" * 123456)
        time.sleep(600)
        """;

    [LiveFact]
    public void A_known_transfer_inside_the_window_shows_up_in_the_peer_table()
    {
        using var ns = new Netns();
        ns.StartPython(Script);
        var collect = ns.Exec(RepoPaths.Cli, "collect", "--interval", "8s").EnsureSuccess("collect");
        using var doc = JsonDocument.Parse(collect.Stdout);
        var peers = doc.RootElement.GetProperty("peers").EnumerateArray().ToList();
        // The client's socket talks to the server's address, 127.0.0.2, and acked Bytes out.
        var server = peers.Single(p => p.GetProperty("remote").GetString() == "127.0.0.2");
        Assert.True(server.GetProperty("bytesOut").GetInt64() == Bytes, server.ToString());
        Assert.Contains("python3", server.GetProperty("processes")[0].GetString());
        // The accepted socket sees the client's source address (chosen by the kernel) and received Bytes in;
        // nothing else moved in this namespace.
        Assert.Equal(Bytes, peers.Sum(p => p.GetProperty("bytesIn").GetInt64()));
        Assert.Equal(Bytes, peers.Sum(p => p.GetProperty("bytesOut").GetInt64()));
    }
}
