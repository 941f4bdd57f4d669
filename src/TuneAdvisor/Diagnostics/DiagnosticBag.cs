using System.Collections.Immutable;

namespace TuneAdvisor.Diagnostics;

/// <summary>Collects diagnostics during one stage; the only mutable diagnostics type.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        _items.Add(Diagnostic.Create(descriptor, span, args));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Sorted by path, position and id so output is stable.</summary>
    public ImmutableArray<Diagnostic> ToImmutableSorted() => Sort(_items);

    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToImmutableArray();
}
