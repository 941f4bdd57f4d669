using System.Collections.Immutable;
using System.Text;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Sources.Image.Apps;

/// <summary>
/// Parses nginx configuration syntax into a directive tree: words separated by whitespace, "…" and '…' quoting
/// with backslash escapes, # comments at the start of a word, directives ended by ";" or by a "{ … }" block,
/// and ${var} kept inside a word. Pure: text in, directives and diagnostics (file and line) out; a malformed
/// statement is dropped and parsing goes on.
/// </summary>
public static class NginxConfigParser
{
    private enum Kind { Word, Semicolon, Open, Close }

    private readonly record struct Token(Kind Kind, string Text, int Line);

    public static (ImmutableArray<NginxDirective> Directives, ImmutableArray<Diagnostic> Diagnostics) Parse(string text, string path)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var tokens = Tokenize(text, path, diagnostics);
        int position = 0;
        var top = ParseBlock(tokens, ref position, path, diagnostics, openLine: null);
        return (top, diagnostics.ToImmutable());
    }

    private static ImmutableArray<NginxDirective> ParseBlock(List<Token> tokens, ref int i, string path,
        ImmutableArray<Diagnostic>.Builder diagnostics, int? openLine)
    {
        var directives = ImmutableArray.CreateBuilder<NginxDirective>();
        var words = new List<Token>();
        while (i < tokens.Count)
        {
            var token = tokens[i++];
            switch (token.Kind)
            {
                case Kind.Word:
                    words.Add(token);
                    break;
                case Kind.Semicolon:
                    if (words.Count == 0)
                        diagnostics.Add(Skip(path, token.Line, "unexpected ';'"));
                    else
                        directives.Add(Directive(words, null, path));
                    words.Clear();
                    break;
                case Kind.Open:
                    var block = ParseBlock(tokens, ref i, path, diagnostics, token.Line);
                    if (words.Count == 0)
                        diagnostics.Add(Skip(path, token.Line, "block '{' without a directive name"));
                    else
                        directives.Add(Directive(words, block, path));
                    words.Clear();
                    break;
                case Kind.Close:
                    if (words.Count > 0)
                        diagnostics.Add(Skip(path, words[0].Line, $"directive '{words[0].Text}' is not terminated by ';'"));
                    if (openLine is null)
                    {
                        diagnostics.Add(Skip(path, token.Line, "unexpected '}'"));
                        words.Clear();
                        break;
                    }
                    return directives.ToImmutable();
            }
        }
        if (words.Count > 0)
            diagnostics.Add(Skip(path, words[0].Line, $"directive '{words[0].Text}' is not terminated by ';'"));
        if (openLine is { } line)
            diagnostics.Add(Skip(path, line, "unexpected end of file, expecting '}' for the block opened here"));
        return directives.ToImmutable();
    }

    private static NginxDirective Directive(List<Token> words, ImmutableArray<NginxDirective>? block, string path) =>
        new(words[0].Text, words.Skip(1).Select(w => w.Text).ToImmutableArray(), block, path, words[0].Line);

    private static List<Token> Tokenize(string text, string path, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var tokens = new List<Token>();
        int line = 1, i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
                i++;
            else if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                    i++;
            }
            else if (c is ';' or '{' or '}')
            {
                tokens.Add(new Token(c == ';' ? Kind.Semicolon : c == '{' ? Kind.Open : Kind.Close, c.ToString(), line));
                i++;
            }
            else if (c is '"' or '\'')
            {
                int start = line;
                var word = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != c)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                        i++;
                    if (text[i] == '\n')
                        line++;
                    word.Append(text[i++]);
                }
                if (i >= text.Length)
                    diagnostics.Add(Skip(path, start, $"unterminated {c}quoted{c} string"));
                i++;
                tokens.Add(new Token(Kind.Word, word.ToString(), start));
            }
            else
            {
                var word = new StringBuilder();
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (';' or '{' or '}'))
                {
                    if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
                    {
                        while (i < text.Length && text[i] != '}' && text[i] != '\n')
                            word.Append(text[i++]);
                        if (i < text.Length && text[i] == '}')
                            word.Append(text[i++]);
                        continue;
                    }
                    if (text[i] == '\\' && i + 1 < text.Length)
                        i++;
                    word.Append(text[i++]);
                }
                tokens.Add(new Token(Kind.Word, word.ToString(), line));
            }
        }
        return tokens;
    }

    private static Diagnostic Skip(string path, int line, string message) =>
        Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(path, line), $"{path}:{line}: {message}");
}
