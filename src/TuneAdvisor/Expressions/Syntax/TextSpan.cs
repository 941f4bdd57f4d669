
namespace TuneAdvisor.Expressions.Syntax;

/// <summary>A 0-based character range inside one expression's text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));
}
