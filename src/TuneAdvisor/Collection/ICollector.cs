using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection;

/// <summary>
/// Reads one kind of data from a live host into a <see cref="SampleBuilder"/>. A collector never throws for
/// missing or unreadable data: it records a note and leaves the value unknown.
/// </summary>
public interface ICollector
{
    /// <summary>Short name used in notes and `--help` (e.g. "sysctl", "sock_diag").</summary>
    string Name { get; }

    /// <summary>True when the collector's data changes over time and must be read at both samples.</summary>
    bool IsSampled { get; }

    void Collect(CollectionContext context, SampleBuilder sample);
}
