using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// Issue #14, non-root honesty: run unprivileged, a root-owned listener showed an empty process column, processes
/// that could not be read were simply absent, and the note that said why was only in `collect` output. The built CLI
/// is copied to a world-readable folder (a clone under /root is not readable by others) and run as a throwaway user
/// against this host, where the test process itself (root) holds a listener: its process is "unknown", one clear
/// note is in every format (and JSON diagnostics), rules over processes say "not evaluated" with that reason, and
/// the run succeeds.
/// </summary>
public sealed class NonRootAuditTests : IDisposable
{
    private const string User = "ta-nonroot";
    private readonly string _copy = Directory.CreateTempSubdirectory("ta-nonroot-").FullName;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public NonRootAuditTests()
    {
        if (ProcessRunner.Run("id", ["-u", User]).ExitCode != 0)
            ProcessRunner.Run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", User]).EnsureSuccess("useradd");
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory))
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        ProcessRunner.Run("chmod", ["-R", "a+rX", _copy]).EnsureSuccess("chmod");
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Stop();
        Directory.Delete(_copy, recursive: true);
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private ProcessRunner.Result AuditAsUser(string format) =>
        ProcessRunner.Run("runuser", ["-u", User, "--", Path.Combine(_copy, "tuneadvisor"), "audit", "--interval", "0", "--no-policy", "--fail-on", "none", "--format", format],
            TimeSpan.FromSeconds(120));

    [LiveFact]
    public void Unreadable_processes_are_unknown_with_one_note_in_every_format_and_their_rules_are_not_evaluated()
    {
        var json = AuditAsUser("json");
        Assert.True(json.ExitCode == 0, json.Stderr);
        Assert.Single(json.Stderr.Split('\n'), l => l.Contains("not run as root: the open files of", StringComparison.Ordinal));
        using var doc = JsonDocument.Parse(json.Stdout);
        var note = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("message").GetString()!.StartsWith("not run as root", StringComparison.Ordinal));
        Assert.Equal("warning", note.GetProperty("severity").GetString());
        var self = Environment.ProcessId;
        // The test process (root) is one of them: its subject names it without its pid, its reason does.
        var outcome = Assert.Single(doc.RootElement.GetProperty("outcomes").EnumerateArray(),
            o => o.GetProperty("ruleId").GetString() == "TA1601" && o.TryGetProperty("reason", out var why) && why.ValueKind == JsonValueKind.String
                 && why.GetString()!.Contains($"/proc/{self}/fd) could not be read (EACCES (13): not run as root)", StringComparison.Ordinal));
        Assert.Equal("NotEvaluated", outcome.GetProperty("kind").GetString());

        var md = AuditAsUser("md");
        Assert.True(md.ExitCode == 0, md.Stderr);
        Assert.Contains($"| tcp | 127.0.0.1:{Port} | 0 |", md.Stdout);
        Assert.Contains(md.Stdout.Split('\n'), l => l.StartsWith($"| tcp | 127.0.0.1:{Port} |", StringComparison.Ordinal) && l.EndsWith("| unknown |", StringComparison.Ordinal));
        Assert.Contains("warning TA0204: not run as root: the open files of", md.Stdout);

        foreach (var format in new[] { "html", "sarif", "junit" })
        {
            var r = AuditAsUser(format);
            Assert.True(r.ExitCode == 0, $"{format}: {r.Stderr}");
            Assert.Contains("not run as root: the open files of", r.Stdout);
        }
    }
}
