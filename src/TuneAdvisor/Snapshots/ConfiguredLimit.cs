
namespace TuneAdvisor.Snapshots;

/// <summary>A configured resource limit such as systemd's DefaultLimitNOFILE or a unit's LimitNOFILE.</summary>
/// <param name="Scope">"system" for DefaultLimitNOFILE, or the unit name.</param>
public sealed record ConfiguredLimit(string Name, string Scope, long? Soft, long? Hard, string Source);
