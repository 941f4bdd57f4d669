using Microsoft.Extensions.Time.Testing;
using TuneAdvisor.Collection;

namespace TuneAdvisor.Tests.Support;

/// <summary>Environments for audits run through the library's entry point (<see cref="Advisor.AuditAsync"/>) in tests.</summary>
public static class Audits
{
    /// <summary>The live roots, standard input empty, and a clock stopped at <paramref name="now"/>.</summary>
    public static AuditEnvironment At(DateTimeOffset now) =>
        new() { Collection = CollectionContext.Live with { Time = new FakeTimeProvider(now) } };
}
