using System.Text.Json;
using System.Text.RegularExpressions;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// The UDP receive-buffer rules end to end (issue #12): in a fresh namespace, a UDP receiver on 127.0.0.1:5300 with a
/// 4096-byte SO_RCVBUF that never reads is flooded over loopback by a sender in the same namespace, so the kernel drops
/// datagrams at its full buffer. The built tuneadvisor runs inside the namespace while datagrams keep coming and must
/// report the drops since the namespace was created (TA1507), during the window (TA1508) and on the socket itself
/// (TA1509), with the same sk_drops that `ss -uamn` prints as skmem d&lt;N&gt;.
/// </summary>
public sealed class LiveUdpDropTests
{
    private const string Receiver = "127.0.0.1:5300";

    /// <summary>
    /// 2000 datagrams before "ready", then 20 every 20 ms (at most 60 000 in all) until a line on stdin, then "stopped".
    /// The sender is connected, so it is a connection and the receiver is the namespace's only UDP listener.
    /// </summary>
    private const string Python = """
        import socket, sys, threading, time
        r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        r.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        r.bind(("127.0.0.1", 5300))
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.connect(("127.0.0.1", 5300))
        def burst(n):
            for _ in range(n):
                s.send(b"x" * 64)
        burst(2000)
        stop = threading.Event()
        def keep_sending():
            for _ in range(3000):
                if stop.is_set():
                    break
                burst(20)
                time.sleep(0.02)
        print("ready", flush=True)
        threading.Thread(target=keep_sending, daemon=True).start()
        sys.stdin.readline()
        stop.set()
        time.sleep(0.3)
        print("stopped", flush=True)
        time.sleep(600)
        """;

    [LiveFact]
    public void A_receiver_that_never_reads_is_reported_since_creation_during_the_window_and_on_its_socket_like_ss()
    {
        using var ns = new Netns();
        var sender = ns.StartPython(Python);

        // The kernel's own count first (-s: leave nstat's history file alone).
        var nstat = ns.Exec("nstat", "-asz", "UdpRcvbufErrors").EnsureSuccess("nstat");
        var counted = long.Parse(Regex.Match(nstat.Stdout, @"^UdpRcvbufErrors\s+(\d+)", RegexOptions.Multiline).Groups[1].Value);
        Assert.True(counted > 0, $"the flood should overflow the 4096-byte buffer: {nstat.Stdout}");

        // Datagrams keep arriving during the audit's one-second window.
        var audit = ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "1s");
        Assert.True(audit.ExitCode == 1, $"audit should exit 1 on findings, got {audit.ExitCode}: {audit.Stderr}");
        using var doc = JsonDocument.Parse(audit.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        JsonElement Finding(string id) => Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == id);

        var sinceCreation = Finding("TA1507");
        Assert.Equal("host", sinceCreation.GetProperty("subject").GetString());
        var total = long.Parse(Regex.Match(sinceCreation.GetProperty("message").GetString()!, @"^Udp\.RcvbufErrors is (\d+)").Groups[1].Value);
        Assert.True(total >= counted, $"TA1507 saw {total} drops, nstat {counted} before it");

        var window = Finding("TA1508");
        Assert.Equal("host", window.GetProperty("subject").GetString());
        Assert.Equal("warning", window.GetProperty("severity").GetString());
        Assert.Matches(@"^Udp\.RcvbufErrors rose by [1-9]\d* \(", window.GetProperty("message").GetString()!);
        Assert.Contains("net.core.rmem_max (", window.GetProperty("message").GetString()!);

        var socket = Finding("TA1509");
        Assert.Equal($"listener udp {Receiver}", socket.GetProperty("subject").GetString());
        var socketMessage = socket.GetProperty("message").GetString()!;
        Assert.StartsWith($"UDP socket {Receiver} (python3) has dropped ", socketMessage);
        var droppedAtAudit = long.Parse(Regex.Match(socketMessage, @"has dropped (\d+) datagram").Groups[1].Value);

        // Stop the sender, then the socket's sk_drops as ss prints it must be what the collector reads.
        sender.StandardInput.WriteLine("stop");
        Assert.Equal("stopped", sender.StandardOutput.ReadLine());
        var ss = ns.Exec("ss", "-uamn").EnsureSuccess("ss -uamn");
        var lines = ss.Stdout.Split('\n');
        var row = Array.FindIndex(lines, l => Regex.IsMatch(l, $@"\s{Regex.Escape(Receiver)}\s"));
        Assert.True(row >= 0 && row + 1 < lines.Length, $"no {Receiver} row in ss -uamn:\n{ss.Stdout}");
        var ssDrops = long.Parse(Regex.Match(lines[row] + lines[row + 1], @"skmem:\([^)]*\bd(\d+)\)").Groups[1].Value);
        Assert.True(droppedAtAudit > 0 && droppedAtAudit <= ssDrops, $"TA1509 saw {droppedAtAudit} drops, ss later {ssDrops}");

        var snapshot = ns.Exec(RepoPaths.Cli, "collect", "--interval", "0").EnsureSuccess("collect");
        using var snap = JsonDocument.Parse(snapshot.Stdout);
        var listener = snap.RootElement.GetProperty("listeners").EnumerateArray()
            .Single(l => l.GetProperty("protocol").GetString() == "udp" && l.GetProperty("local").GetString() == Receiver);
        Assert.Equal(ssDrops, listener.GetProperty("drops").GetInt64());
    }
}
