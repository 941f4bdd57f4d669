using System.Collections.Immutable;

namespace TuneAdvisor.Diagnostics;

/// <summary>
/// At most <see cref="PerFile"/> diagnostics of one id at lines of one file; the rest are counted in one summary at
/// the file. A 60 MB capture of garbage once gave a million "line skipped" notes (2.5 GB of memory, as many lines on
/// standard error and in every report); the first few say what is wrong, the count says how much.
/// </summary>
public static class LineDiagnosticLimit
{
    public const int PerFile = 20;

    /// <summary>A diagnostic that points at a line of a file (the kind that can come once per line).</summary>
    public static bool AppliesTo(Diagnostic d) => d.Span.Line > 0 && d.Span.Path.Length > 0;

    /// <summary>The summary of <paramref name="total"/> diagnostics like <paramref name="first"/>, of which <see cref="PerFile"/> are listed.</summary>
    public static Diagnostic Summary(Diagnostic first, int total) =>
        Diagnostic.Create(first.Descriptor, SourceSpan.File(first.Span.Path),
            $"{total - PerFile} more line(s) of {first.Span.Path} like the {PerFile} listed ({total} in all); they are not listed") with { Severity = first.Severity };

    /// <summary>The diagnostics in their order, with each (id, file) group of line diagnostics cut to <see cref="PerFile"/> plus its summary.</summary>
    public static ImmutableArray<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        var groups = list.Where(AppliesTo).GroupBy(d => (d.Id, d.Span.Path)).Where(g => g.Count() > PerFile).ToDictionary(g => g.Key, g => (g.First(), g.Count()));
        if (groups.Count == 0)
            return [.. list];
        var seen = new Dictionary<(string, string), int>();
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var d in list)
        {
            if (!AppliesTo(d) || !groups.TryGetValue((d.Id, d.Span.Path), out var group))
            {
                result.Add(d);
                continue;
            }
            int n = seen[(d.Id, d.Span.Path)] = seen.GetValueOrDefault((d.Id, d.Span.Path)) + 1;
            if (n <= PerFile)
                result.Add(d);
            if (n == PerFile)
                result.Add(Summary(group.Item1, group.Item2));
        }
        return result.ToImmutable();
    }
}
