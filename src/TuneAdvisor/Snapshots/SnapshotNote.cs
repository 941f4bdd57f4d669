
namespace TuneAdvisor.Snapshots;

/// <summary>A note recorded while building the snapshot: a skipped line, an unreadable file, a fallback taken.</summary>
public sealed record SnapshotNote(string Id, string Severity, string Message, string? Location);
