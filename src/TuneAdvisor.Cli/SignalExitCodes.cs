using System.Runtime.InteropServices;

namespace TuneAdvisor.Cli;

/// <summary>
/// SIGINT and SIGTERM, handled here rather than by System.CommandLine or the runtime: the first one cancels
/// <see cref="Token"/> (which every command passes down) and completes <see cref="Signalled"/>; a second one completes
/// <see cref="Repeated"/>, for a run that is not stopping. Neither lets the runtime's default end the process, so the
/// exit code is always 130 (SIGINT) or 143 (SIGTERM) after a one-line message, never a stack trace.
/// </summary>
internal sealed class SignalExitCodes : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _repeated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _int;
    private readonly PosixSignalRegistration _term;
    private int _code;

    public SignalExitCodes()
    {
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, On);
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, On);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Completes on the first signal.</summary>
    public Task Signalled => _signalled.Task;

    /// <summary>Completes on the second signal.</summary>
    public Task Repeated => _repeated.Task;

    /// <summary>The exit code for a cancelled run: that of the first signal, 143 after SIGTERM, else 130.</summary>
    public int ExitCode => Volatile.Read(ref _code) is var code && code != 0 ? code : ExitCodes.Interrupted;

    private void On(PosixSignalContext context)
    {
        context.Cancel = true;
        int code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        if (Interlocked.CompareExchange(ref _code, code, 0) == 0)
        {
            _signalled.TrySetResult();
            _cancel.Cancel();
        }
        else
            _repeated.TrySetResult();
    }

    public void Dispose()
    {
        _int.Dispose();
        _term.Dispose();
        _cancel.Dispose();
    }
}
