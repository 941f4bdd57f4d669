
namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// Python for the live end-to-end scenarios: a listener on 127.0.0.1:8080 with backlog 8 that never accepts, and 20
/// non-blocking clients connecting to it, so its accept queue holds 9 (limit + 1) and later SYNs overflow it.
/// </summary>
internal static class FloodedListener
{
    public const string Python = """
        import socket, time
        def listen(port, backlog):
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", port))
            s.listen(backlog)
            return s
        full = listen(8080, 8)
        clients = []
        for _ in range(20):
            c = socket.socket()
            c.setblocking(False)
            try:
                c.connect(("127.0.0.1", 8080))
            except BlockingIOError:
                pass
            clients.append(c)

        """;

    /// <summary>The scenario followed by <paramref name="more"/>, then the ready line the test waits for.</summary>
    public static string Then(string more = "") => Python + more + """
        time.sleep(1.0)
        print("ready", flush=True)
        time.sleep(600)
        """;
}
