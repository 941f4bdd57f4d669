using System.Collections.Immutable;
using System.Text;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Expressions.Syntax;

/// <summary>Turns condition text into tokens. Numbers keep an attached unit suffix (16MiB, 5s, 80%).</summary>
public sealed class Lexer
{
    private readonly string _text;
    private readonly ExpressionSource _source;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;

    public Lexer(ExpressionSource source, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
    }

    public static ImmutableArray<Token> Tokenize(ExpressionSource source, DiagnosticBag diagnostics)
    {
        var lexer = new Lexer(source, diagnostics);
        var tokens = ImmutableArray.CreateBuilder<Token>();
        Token t;
        do
        {
            t = lexer.Next();
            if (t.Kind != TokenKind.Bad)
                tokens.Add(t);
        }
        while (t.Kind != TokenKind.End);
        return tokens.ToImmutable();
    }

    public Token Next()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            _pos++;
        if (_pos >= _text.Length)
            return new Token(TokenKind.End, new TextSpan(_text.Length, 0), "");

        int start = _pos;
        char c = _text[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
            return LexNumber();
        if (char.IsAsciiLetter(c) || c == '_')
            return LexIdentifier();
        if (c is '"' or '\'')
            return LexString(c);

        _pos++;
        TokenKind kind;
        switch (c)
        {
            case '+': kind = TokenKind.Plus; break;
            case '-': kind = TokenKind.Minus; break;
            case '*': kind = TokenKind.Star; break;
            case '/': kind = TokenKind.Slash; break;
            case '(': kind = TokenKind.OpenParen; break;
            case ')': kind = TokenKind.CloseParen; break;
            case '[': kind = TokenKind.OpenBracket; break;
            case ']': kind = TokenKind.CloseBracket; break;
            case ',': kind = TokenKind.Comma; break;
            case '.': kind = TokenKind.Dot; break;
            case '<': kind = Match('=') ? TokenKind.LessEqual : TokenKind.Less; break;
            case '>': kind = Match('=') ? TokenKind.GreaterEqual : TokenKind.Greater; break;
            case '=' when Match('='): kind = TokenKind.EqualEqual; break;
            case '!' when Match('='): kind = TokenKind.BangEqual; break;
            case '&' when Match('&'): kind = TokenKind.And; break;
            case '|' when Match('|'): kind = TokenKind.Or; break;
            case '!': kind = TokenKind.Not; break;
            default:
                _diagnostics.Add(KnownDiagnostics.UnexpectedCharacter, _source.Map(new TextSpan(start, 1)), c.ToString());
                return new Token(TokenKind.Bad, new TextSpan(start, 1), c.ToString());
        }
        return new Token(kind, TextSpan.FromBounds(start, _pos), _text[start.._pos]);
    }

    private bool Match(char expected)
    {
        if (_pos < _text.Length && _text[_pos] == expected)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private Token LexNumber()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '_'))
            _pos++;
        if (_pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                _pos++;
        }
        int numberEnd = _pos;
        if (_pos < _text.Length && _text[_pos] == '%')
            _pos++;
        else
            while (_pos < _text.Length && char.IsAsciiLetter(_text[_pos]))
                _pos++;
        var value = _text[start..numberEnd].Replace("_", "");
        return new Token(TokenKind.Number, TextSpan.FromBounds(start, _pos), _text[start.._pos], value, _text[numberEnd.._pos]);
    }

    private Token LexIdentifier()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            _pos++;
        var text = _text[start.._pos];
        var kind = text switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "in" => TokenKind.In,
            "where" => TokenKind.Where,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, TextSpan.FromBounds(start, _pos), text);
    }

    private Token LexString(char quote)
    {
        int start = _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
                _pos++;
            sb.Append(_text[_pos++]);
        }
        if (_pos >= _text.Length)
        {
            _diagnostics.Add(KnownDiagnostics.SyntaxError, _source.Map(new TextSpan(start, 1)), "Unterminated string literal");
            return new Token(TokenKind.String, TextSpan.FromBounds(start, _pos), _text[start.._pos], sb.ToString());
        }
        _pos++;
        return new Token(TokenKind.String, TextSpan.FromBounds(start, _pos), _text[start.._pos], sb.ToString());
    }
}
