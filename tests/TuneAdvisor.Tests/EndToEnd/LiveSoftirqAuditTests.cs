using System.Text.Json;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// TA1209 on this host: a UDP sender pinned to one CPU floods loopback in a namespace, so that CPU runs the NET_RX
/// softirqs of its packets (netif_rx() queues them to the sending CPU's backlog), and the built tuneadvisor must name
/// it. The share is lowered to 50 % so other tests' traffic on the other CPUs cannot hide it.
/// </summary>
public sealed class LiveSoftirqAuditTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-softirq-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [LiveFact]
    public void A_sender_pinned_to_one_cpu_is_reported_as_that_cpu_handling_the_receive_work()
    {
        var cpu = Environment.ProcessorCount - 1;
        using var ns = new Netns();
        ns.Exec("ip", "link", "set", "lo", "up").EnsureSuccess("ip link set lo up");
        ns.StartPython($$"""
            import os, socket, time
            os.sched_setaffinity(0, {{{cpu}}})
            r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); r.bind(("127.0.0.1", 0)); r.setblocking(False)
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            print("ready", flush=True)
            end = time.time() + 30
            while time.time() < end:
                for i in range(50):
                    s.sendto(b"x" * 64, r.getsockname())
                try:
                    while True:
                        r.recv(100)
                except BlockingIOError:
                    pass
                time.sleep(0.0005)
            """);
        var policy = Path.Combine(_dir, "policy.yaml");
        File.WriteAllText(policy, "options:\n  TA1209:\n    share: 50%\n    min_rate: 500\n");

        var audit = ns.Exec(RepoPaths.Cli, "audit", "--format", "json", "--interval", "2s", "--policy", policy, "--fail-on", "none");

        Assert.True(audit.ExitCode == 0, $"audit exited {audit.ExitCode}: {audit.Stderr}");
        using var doc = JsonDocument.Parse(audit.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == "TA1209").ToList();
        if (Environment.ProcessorCount < 2)
        {
            Assert.Empty(findings);   // one CPU: nowhere to spread the work
            return;
        }
        var finding = Assert.Single(findings);
        Assert.Equal($"cpu {cpu}", finding.GetProperty("subject").GetString());
        Assert.StartsWith($"CPU {cpu} handled ", finding.GetProperty("message").GetString());
    }
}
