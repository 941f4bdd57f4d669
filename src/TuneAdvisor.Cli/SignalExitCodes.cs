using System.Runtime.InteropServices;

namespace TuneAdvisor.Cli;

/// <summary>
/// SIGINT and SIGTERM, handled here rather than by System.CommandLine: the first one records which signal it was, then
/// cancels <see cref="Token"/> (the command's token), so the exit code is known before anything observes the
/// cancellation (130 for SIGINT, 143 for SIGTERM). A second signal is left to the runtime's default, which ends the
/// process at once, for a command that does not stop.
/// </summary>
internal sealed class SignalExitCodes : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration _int;
    private readonly PosixSignalRegistration _term;
    private int _code;

    public SignalExitCodes()
    {
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>The exit code for a cancelled run: 143 after SIGTERM, else 130.</summary>
    public int ExitCode => _code == ExitCodes.Terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;

    /// <summary>Completes <paramref name="grace"/> after the first signal: how long a command has to stop by itself.</summary>
    public async Task AfterSignal(TimeSpan grace)
    {
        await Task.Delay(Timeout.Infinite, Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await Task.Delay(grace).ConfigureAwait(false);
    }

    private void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        if (Interlocked.CompareExchange(ref _code, code, 0) != 0)
            return;
        context.Cancel = true;
        _cts.Cancel();
    }

    public void Dispose()
    {
        _int.Dispose();
        _term.Dispose();
        _cts.Dispose();
    }
}
