using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection.Processes;

/// <summary>An fd walk running in the background (<see cref="SocketProcessMap.BeginScan"/>).</summary>
public sealed class SocketProcessScan
{
    private readonly string _procRoot;
    private readonly SharedFdWalk _walk;
    private readonly Task _background;

    internal SocketProcessScan(string procRoot, SharedFdWalk walk, Task background)
    {
        _procRoot = procRoot;
        _walk = walk;
        _background = background;
    }

    /// <summary>
    /// Joins the walk on the calling thread until nothing is left to hand out, waits for the background thread's
    /// last batch, and builds the map of the wanted inodes. A failed walk gives an empty map and a note.
    /// </summary>
    public SocketProcessMap Complete(HashSet<ulong> wanted, SampleBuilder sample)
    {
        try
        {
            try
            {
                _walk.Work();
            }
            finally
            {
                // However the calling thread's share ended, the background thread must be done before the table closes.
                ((IAsyncResult)_background).AsyncWaitHandle.WaitOne();
                _walk.Dispose();
            }
            _background.GetAwaiter().GetResult();
            return SocketProcessMap.FromWalk(_procRoot, _walk.Result(), wanted);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            sample.Note(KnownDiagnostics.CollectorFailed, _procRoot, $"socket to process mapping failed: {ex.Message}; sockets have no process");
            return SocketProcessMap.Empty;
        }
    }
}
