using System.Diagnostics;
using TuneAdvisor.Cli;

namespace TuneAdvisor.Tests.Cli;

/// <summary>
/// 130 and 143: the built CLI reads a snapshot from a pipe that never closes, gets SIGINT or SIGTERM, and ends with
/// that code and one line, no stack trace. The only timing is a generous timeout; the signal is sent once the
/// command is seen blocked reading the pipe, so its handlers are in place.
/// </summary>
public sealed partial class ExitCodeTests
{
    private const int SIGINT = 2;
    private const int SIGTERM = 15;

    [Theory]
    [InlineData("audit", SIGINT, ExitCodes.Interrupted)]
    [InlineData("audit", SIGTERM, ExitCodes.Terminated)]
    [InlineData("diff", SIGINT, ExitCodes.Interrupted)]
    [InlineData("diff", SIGTERM, ExitCodes.Terminated)]
    public void Exit_130_or_143_when_a_signal_stops_a_run_blocked_on_standard_input(string command, int signal, int expected)
    {
        string[] args = command == "audit" ? ["audit", "--snapshot", "-", "--no-policy"] : ["diff", "-", Quiet(), "--no-policy"];
        using var cli = StartWithOpenStdin(args);
        try
        {
            WaitUntilReadingStandardInput(cli);
            Assert.Equal(0, Kill(cli.Id, signal));
            Assert.True(cli.WaitForExit(TimeSpan.FromSeconds(60)), "the CLI did not end after the signal");
            var stderr = cli.StandardError.ReadToEnd();
            Assert.Equal(expected, cli.ExitCode);
            Assert.Equal("tuneadvisor: interrupted; nothing more was written\n", stderr.ReplaceLineEndings("\n"));
            Assert.Equal("", cli.StandardOutput.ReadToEnd());
        }
        finally
        {
            if (!cli.HasExited)
                cli.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// The CLI with its standard input a pipe this test holds open. A signal ignored by this process would be ignored
    /// by the child too (SIG_IGN survives exec: a test run from a background job of a non-interactive shell ignores
    /// SIGINT), so then it starts through python3, which restores the default first.
    /// </summary>
    private static Process StartWithOpenStdin(string[] args)
    {
        var psi = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (SigIntIgnored())
        {
            psi.FileName = "python3";
            foreach (var a in (string[])["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])", RepoPaths.Cli])
                psi.ArgumentList.Add(a);
        }
        else
            psi.FileName = RepoPaths.Cli;
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start " + RepoPaths.Cli);
    }

    private static bool SigIntIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (SIGINT - 1))) != 0;
    }

    /// <summary>
    /// Waits (up to a generous timeout) until a thread of the CLI sleeps in read() on its standard input pipe: the
    /// first argument of its system call (/proc/PID/task/TID/syscall; the runtime reads a dup of fd 0) is an fd that
    /// is the same pipe as fd 0. Only the command reads it, and the command starts after the signal handlers are in
    /// place; a thread merely in some pipe read could be the runtime's signal thread before it is named.
    /// </summary>
    private static void WaitUntilReadingStandardInput(Process cli)
    {
        var fds = $"/proc/{cli.Id}/fd/";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !cli.HasExited)
        {
            var stdin = new FileInfo(fds + "0").LinkTarget;
            foreach (var task in Directory.EnumerateDirectories($"/proc/{cli.Id}/task"))
            {
                string wchan, syscall;
                try { (wchan, syscall) = (File.ReadAllText(task + "/wchan"), File.ReadAllText(task + "/syscall")); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                var fields = syscall.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (wchan.Contains("pipe_read", StringComparison.Ordinal) && fields.Length > 1 && fields[1].StartsWith("0x", StringComparison.Ordinal)
                    && stdin is not null && new FileInfo(fds + Convert.ToInt64(fields[1], 16)).LinkTarget == stdin)
                    return;
            }
            Thread.Sleep(50);
        }
        Assert.Fail(cli.HasExited ? $"the CLI ended before reading its input: {cli.StandardError.ReadToEnd()}" : "the CLI never blocked reading its standard input");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
