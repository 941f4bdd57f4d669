
namespace TuneAdvisor.Diagnostics;

/// <summary>A 1-based location in a text file. <see cref="Line"/> 0 means "the whole file".</summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan File(string path) => new(path, 0, 0, 0, 0);

    public static SourceSpan At(string path, int line, int column = 1) => new(path, line, column, line, column);

    public bool HasPosition => Line > 0;

    /// <summary>Formats the span the way compilers do: <c>path(line,col)</c>, or <c>path</c> alone.</summary>
    public override string ToString() => HasPosition ? $"{Path}({Line},{Column})" : Path;
}
