
namespace TuneAdvisor.Snapshots;

/// <summary>A process that owns at least one socket. Null fields could not be read (e.g. not root).</summary>
public sealed record ProcessInfo
{
    public required int Pid { get; init; }
    public required string Name { get; init; }
    public string? CommandLine { get; init; }
    public long? FdCount { get; init; }
    public long? NofileSoft { get; init; }
    public long? NofileHard { get; init; }
    /// <summary>Why some field is unknown, e.g. "/proc/123/fd: permission denied".</summary>
    public string? Note { get; init; }
}
