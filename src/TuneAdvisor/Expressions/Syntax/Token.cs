
namespace TuneAdvisor.Expressions.Syntax;

/// <summary>
/// A token. Number tokens carry their unit suffix in <see cref="Unit"/> ("MiB", "ms", "%"), or "" for a bare number.
/// String tokens carry the unescaped text in <see cref="Value"/>.
/// </summary>
public sealed record Token(TokenKind Kind, TextSpan Span, string Text, string Value = "", string Unit = "")
{
    public override string ToString() => Kind switch
    {
        TokenKind.Number => $"Number {Value}{Unit}",
        TokenKind.String => $"String \"{Value}\"",
        TokenKind.Identifier => $"Identifier {Text}",
        TokenKind.End => "End",
        _ => $"{Kind} {Text}",
    };
}
