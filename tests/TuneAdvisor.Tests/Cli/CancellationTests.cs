using System.Diagnostics;

namespace TuneAdvisor.Tests.Cli;

/// <summary>
/// Issue #14: SIGINT and SIGTERM stop a command with 130/143 and one line, never a stack trace, even when the
/// command is blocked where no cancellation token reaches (a read on a pipe that never closes). The built CLI runs as
/// a child; the signal is sent once /proc shows it where the test wants it (reading its standard input, or inside
/// the live sampling window), so there is no timing assertion, only generous timeouts.
/// </summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string Message = "tuneadvisor: interrupted; nothing more was written";

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo(RepoPaths.Cli)
        {
            RedirectStandardInput = true,   // a pipe we never write to nor close
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the CLI");
    }

    private static (int ExitCode, string Stdout, string Stderr) SignalAndWait(Process p, int signal)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.Equal(0, Kill(p.Id, signal));
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"the CLI did not stop within {Timeout.TotalSeconds} s of signal {signal}");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Theory]
    [InlineData(15, 143)]
    [InlineData(2, 130)]
    public void A_signal_stops_an_audit_blocked_reading_a_pipe_that_never_closes(int signal, int exitCode)
    {
        using var p = Start("audit", "--snapshot", "-");
        Assert.True(ProcessProbe.WaitUntil(p, ProcessProbe.IsReadingStandardInput, Timeout), "the CLI never blocked reading standard input");
        var (code, stdout, stderr) = SignalAndWait(p, signal);
        Assert.Equal(exitCode, code);
        Assert.Equal(Message + "\n", stderr);
        Assert.Equal("", stdout);
    }

    [LiveFact]
    public void A_signal_stops_a_live_audit_inside_its_sampling_window()
    {
        using var p = Start("audit", "--interval", "5s", "--format", "json");
        // The TCP destroy watch (a sock_diag socket in a multicast group) is open for the whole window.
        Assert.True(ProcessProbe.WaitUntil(p, ProcessProbe.HoldsNetlinkGroupSocket, Timeout), "the live audit never opened its sampling window");
        var (code, stdout, stderr) = SignalAndWait(p, 15);
        Assert.Equal(143, code);
        Assert.EndsWith(Message + "\n", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal("", stdout);
    }
}
