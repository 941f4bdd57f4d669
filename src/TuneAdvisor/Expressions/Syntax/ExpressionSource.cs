using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Expressions.Syntax;

/// <summary>
/// The text of one expression and how its characters map back to the file it came from, so that diagnostics
/// point at the exact line and column inside a YAML rule file.
/// </summary>
public sealed class ExpressionSource
{
    private readonly Func<int, (int Line, int Column)> _map;

    public ExpressionSource(string text, string path, Func<int, (int Line, int Column)> map)
    {
        Text = text;
        Path = path;
        _map = map;
    }

    public string Text { get; }

    public string Path { get; }

    /// <summary>An expression that stands alone on line 1 of <paramref name="path"/> (tests, the REPL-like `rules check -e`).</summary>
    public static ExpressionSource Standalone(string text, string path = "<expression>") =>
        new(text, path, offset => (1, offset + 1));

    /// <summary>An expression that starts at (line, column) of a file and continues on lines indented like the first.</summary>
    public static ExpressionSource At(string text, string path, int line, int column) =>
        new(text, path, offset =>
        {
            int l = line, c = column;
            for (int i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n') { l++; c = 1; }
                else c++;
            }
            return (l, c);
        });

    public SourceSpan Map(TextSpan span)
    {
        var (line, col) = _map(span.Start);
        var (endLine, endCol) = _map(span.End);
        return new SourceSpan(Path, line, col, endLine, endCol);
    }
}
