using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Formats.Proc;

/// <summary>Counters parsed from one file, keyed "Section.Name", with the number of header names per section.</summary>
public sealed record ParsedCounters(
    ImmutableSortedDictionary<string, long> Values,
    ImmutableSortedDictionary<string, int> FieldCounts,
    ImmutableArray<Diagnostic> Diagnostics);
