using System.Runtime.InteropServices;

namespace TuneAdvisor.Cli;

/// <summary>
/// Remembers which signal cancelled the run, so the exit code says it: 130 for SIGINT, 143 for SIGTERM. System.CommandLine
/// turns both into the cancellation of the command's token; these registrations only observe (they do not cancel).
/// </summary>
internal sealed class SignalExitCodes : IDisposable
{
    private readonly PosixSignalRegistration _term;
    private volatile int _code = ExitCodes.Interrupted;

    public SignalExitCodes() =>
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => _code = ExitCodes.Terminated);

    /// <summary>The exit code for a cancelled run: 143 after SIGTERM, else 130.</summary>
    public int ExitCode => _code;

    public void Dispose() => _term.Dispose();
}
