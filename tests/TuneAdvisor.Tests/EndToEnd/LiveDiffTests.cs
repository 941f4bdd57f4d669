using System.Text.Json;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// `tuneadvisor diff` on two real snapshots (issue #13): the built CLI collects in a namespace of our own, a
/// per-namespace sysctl is changed and a listener that never accepts is started, it collects again, and the diff of
/// the two files must show exactly that change, the new listener with its backlog and the finding the change raises.
/// </summary>
public sealed class LiveDiffTests
{
    private const string Listener = """
        import socket, time
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", 9090))
        s.listen(32)
        print("ready", flush=True)
        time.sleep(600)
        """;

    [LiveFact]
    public void Diff_of_snapshots_before_and_after_a_sysctl_change_and_a_new_listener_shows_both()
    {
        using var ns = new Netns();
        using var files = new TempTree();
        var before = files.PathOf("before.json");
        var after = files.PathOf("after.json");
        var somaxconn = ns.Exec("sysctl", "-n", "net.core.somaxconn").EnsureSuccess("sysctl -n").Stdout.Trim();

        ns.Exec(RepoPaths.Cli, "collect", "--interval", "0", "-o", before).EnsureSuccess("collect before");
        ns.Sysctl("net.core.somaxconn", "512");
        var python = ns.StartPython(Listener);
        ns.Exec(RepoPaths.Cli, "collect", "--interval", "0", "-o", after).EnsureSuccess("collect after");

        // diff reads files only, so it runs outside the namespace.
        var json = Diff(before, after, "--format", "json");
        Assert.True(json.ExitCode == 0, $"diff exited {json.ExitCode}: {json.Stderr}");
        using var doc = JsonDocument.Parse(json.Stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("changed").GetBoolean());

        var sysctl = Assert.Single(root.GetProperty("sysctls").EnumerateArray());
        Assert.Equal(("net.core.somaxconn", "changed", somaxconn, "512"),
            (sysctl.GetProperty("key").GetString(), sysctl.GetProperty("change").GetString(), sysctl.GetProperty("before").GetString(), sysctl.GetProperty("after").GetString()));
        Assert.Equal("/proc/sys/net/core/somaxconn", sysctl.GetProperty("afterSource").GetString());

        var listener = Assert.Single(root.GetProperty("listeners").EnumerateArray(), l => l.GetProperty("local").GetString() == "127.0.0.1:9090");
        Assert.Equal("listener tcp 127.0.0.1:9090", listener.GetProperty("subject").GetString());
        Assert.Equal("appeared", listener.GetProperty("change").GetString());
        Assert.Equal(32, listener.GetProperty("afterBacklog").GetInt64());
        Assert.Contains($"python3({python.Id})", listener.GetProperty("processes").EnumerateArray().Select(p => p.GetString()));

        // somaxconn 512 is below the recommended minimum: the second audit raises TA1001, the first did not.
        Assert.Contains(root.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("fingerprint").GetString() == "TA1001|host" && f.GetProperty("change").GetString() == "new");
        // Counters, pids, the capture time moved between the two collects; none of it is shown without --all.
        Assert.DoesNotContain(root.GetProperty("other").EnumerateArray(), o => o.GetProperty("volatile").GetBoolean());

        Assert.Equal(1, Diff(before, after, "--fail-on-change").ExitCode);
        var md = Diff(before, after);
        Assert.Contains($"| net.core.somaxconn | changed | {somaxconn} | 512 |", md.Stdout);
        Assert.Contains("| listener tcp 127.0.0.1:9090 | appeared |  | 32 |", md.Stdout);

        using var all = JsonDocument.Parse(Diff(before, after, "--format", "json", "--all").Stdout);
        Assert.Contains(all.RootElement.GetProperty("other").EnumerateArray(),
            o => o.GetProperty("key").GetString() == "capturedAt" && o.GetProperty("volatile").GetBoolean());
    }

    private static ProcessRunner.Result Diff(string before, string after, params string[] more) =>
        ProcessRunner.Run(RepoPaths.Cli, ["diff", before, after, "--no-policy", .. more]);
}
