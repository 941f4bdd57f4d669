
namespace TuneAdvisor.Cli.Commands;

/// <summary>A one-line progress bar on standard error while the sampling window runs; only when stderr is a terminal.</summary>
internal sealed class ProgressBar : IProgress<double>, IDisposable
{
    private readonly TextWriter _stderr;
    private readonly TimeSpan _window;
    private bool _drawn;

    private ProgressBar(TextWriter stderr, TimeSpan window)
    {
        _stderr = stderr;
        _window = window;
    }

    public static ProgressBar? ForTerminal(TextWriter stderr, TimeSpan window) =>
        window > TimeSpan.Zero && !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error) ? new ProgressBar(stderr, window) : null;

    public void Report(double value)
    {
        const int width = 30;
        int filled = (int)Math.Round(Math.Clamp(value, 0, 1) * width);
        var left = _window * (1 - Math.Clamp(value, 0, 1));
        _stderr.Write($"\rsampling [{new string('#', filled)}{new string('.', width - filled)}] {left.TotalSeconds,4:0}s left ");
        _drawn = true;
    }

    public void Dispose()
    {
        if (_drawn)
            _stderr.Write("\r" + new string(' ', 60) + "\r");
        _drawn = false;
    }
}
