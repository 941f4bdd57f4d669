
namespace TuneAdvisor.Tests.Formats;

/// <summary>A clock that always reads the same instant, so snapshots are deterministic.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
