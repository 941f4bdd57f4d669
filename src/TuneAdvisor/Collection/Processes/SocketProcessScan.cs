using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Collection.Processes;

/// <summary>An fd walk running in the background (<see cref="SocketProcessMap.BeginScan"/>).</summary>
public sealed class SocketProcessScan
{
    private readonly string _procRoot;
    private readonly Task<ProcFdWalker.Result> _walk;

    internal SocketProcessScan(string procRoot, Task<ProcFdWalker.Result> walk)
    {
        _procRoot = procRoot;
        _walk = walk;
    }

    /// <summary>Waits for the walk and builds the map of the wanted inodes. A failed walk gives an empty map and a note.</summary>
    public SocketProcessMap Complete(HashSet<ulong> wanted, SampleBuilder sample)
    {
        try
        {
            return SocketProcessMap.FromWalk(_procRoot, _walk.GetAwaiter().GetResult(), wanted);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            sample.Note(KnownDiagnostics.CollectorFailed, _procRoot, $"socket to process mapping failed: {ex.Message}; sockets have no process");
            return SocketProcessMap.Empty;
        }
    }
}
