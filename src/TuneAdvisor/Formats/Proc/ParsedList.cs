using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Formats.Proc;

/// <summary>Records parsed from one file, in file order, with the problems found on the way.</summary>
public sealed record ParsedList<T>(ImmutableArray<T> Items, ImmutableArray<Diagnostic> Diagnostics);
