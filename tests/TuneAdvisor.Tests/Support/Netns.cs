using System.Diagnostics;

namespace TuneAdvisor.Tests.Support;

/// <summary>
/// A throwaway network namespace with loopback up, removed (with every process started in it) on Dispose,
/// also when the test fails. Traffic stays on the namespace's own loopback.
/// </summary>
public sealed class Netns : IDisposable
{
    private readonly List<Process> _processes = new();

    public Netns()
    {
        Name = $"ta-test-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}";
        ProcessRunner.Run("ip", ["netns", "add", Name]).EnsureSuccess("ip netns add");
        Exec("ip", "link", "set", "lo", "up").EnsureSuccess("ip link set lo up");
    }

    private static int s_counter;

    public string Name { get; }

    public static bool CanCreate(out string why)
    {
        if (!OperatingSystem.IsLinux()) { why = "not Linux"; return false; }
        if (Environment.UserName != "root") { why = "not root"; return false; }
        try
        {
            var r = ProcessRunner.Run("ip", ["-V"]);
            why = r.ExitCode == 0 ? "" : "ip -V failed";
            return r.ExitCode == 0;
        }
        catch (Exception ex)
        {
            why = "no `ip` command: " + ex.Message;
            return false;
        }
    }

    /// <summary>Runs a command inside the namespace and waits for it.</summary>
    public ProcessRunner.Result Exec(string file, params string[] args) =>
        ProcessRunner.Run("ip", ["netns", "exec", Name, file, .. args]);

    public void Sysctl(string key, string value) =>
        Exec("sysctl", "-qw", $"{key}={value}").EnsureSuccess($"sysctl -w {key}={value}");

    /// <summary>Starts a long-running process in the namespace (killed on Dispose).</summary>
    public Process Start(string file, params string[] args)
    {
        var psi = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in (string[])["netns", "exec", Name, file, .. args])
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        _processes.Add(p);
        return p;
    }

    /// <summary>Starts a python3 script in the namespace and waits for its first stdout line (its "ready" signal).</summary>
    public Process StartPython(string script, TimeSpan? readyTimeout = null)
    {
        var p = Start("python3", "-u", "-c", script);
        var line = p.StandardOutput.ReadLineAsync();
        if (!line.Wait(readyTimeout ?? TimeSpan.FromSeconds(20)) || line.Result is null)
            throw new InvalidOperationException("python helper did not become ready: " + p.StandardError.ReadToEnd());
        return p;
    }

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(5000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        // Kill anything else still living in the namespace, then delete it.
        ProcessRunner.Run("ip", ["netns", "pids", Name]).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToList()
            .ForEach(pid => ProcessRunner.Run("kill", ["-9", pid.Trim()]));
        ProcessRunner.Run("ip", ["netns", "delete", Name]);
    }
}
