using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Expressions.Syntax;

/// <summary>
/// Precedence-climbing parser. Lowest to highest: where, or, and, not, comparison/in, + -, * / %, unary minus,
/// postfix (member access, call, index). Bounded, since rule files come from other teams and every later pass
/// (binder, compiler, evaluation) recurses over the tree: at most <see cref="MaxTokens"/> tokens, and parentheses,
/// brackets, calls and prefix operators nested at most <see cref="MaxNesting"/> deep, each a syntax error at the token
/// that crossed the line.
/// </summary>
public sealed class Parser
{
    /// <summary>The longest built-in condition has about 60 tokens.</summary>
    public const int MaxTokens = 2000;

    /// <summary>How deep parentheses, brackets, calls, 'not' and unary minus may nest.</summary>
    public const int MaxNesting = 64;

    private readonly ImmutableArray<Token> _tokens;
    private readonly ExpressionSource _source;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;
    private int _nesting;

    private Parser(ImmutableArray<Token> tokens, ExpressionSource source, DiagnosticBag diagnostics)
    {
        _tokens = tokens;
        _source = source;
        _diagnostics = diagnostics;
    }

    public static ExpressionSyntax Parse(ExpressionSource source, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.Count;
        var tokens = Lexer.Tokenize(source, diagnostics);
        var parser = new Parser(tokens, source, diagnostics);
        if (tokens.Length == 1)
        {
            parser.Error(tokens[0].Span, "Expected an expression");
            return new ErrorSyntax(tokens[0].Span);
        }
        if (tokens.Length > MaxTokens)
        {
            parser.Error(tokens[MaxTokens].Span, $"The expression is longer than {MaxTokens} tokens; split it into rules or options");
            return new ErrorSyntax(TextSpan.FromBounds(tokens[0].Span.Start, tokens[^1].Span.End));
        }
        ExpressionSyntax expr;
        try
        {
            expr = parser.ParseExpression();
        }
        catch (NestingTooDeep deep)
        {
            parser.Error(deep.At.Span, $"The expression nests deeper than {MaxNesting} levels");
            return new ErrorSyntax(deep.At.Span);
        }
        if (parser.Current.Kind != TokenKind.End && diagnostics.Count == errorsBefore)
            parser.Error(parser.Current.Span, $"Unexpected '{parser.Current.Text}' after the end of the expression");
        return expr;
    }

    private Token Current => _tokens[Math.Min(_pos, _tokens.Length - 1)];

    /// <summary>Unwinds the whole parse when nesting passes <see cref="MaxNesting"/>: one diagnostic, no half tree.</summary>
    private sealed class NestingTooDeep(Token at) : Exception
    {
        public Token At { get; } = at;
    }

    /// <summary>Enters one level of nesting (leave it with <see cref="Leave"/>).</summary>
    private void Enter()
    {
        if (++_nesting > MaxNesting)
            throw new NestingTooDeep(Current);
    }

    private void Leave() => _nesting--;

    private Token Advance() => _tokens[Math.Min(_pos++, _tokens.Length - 1)];

    private void Error(TextSpan span, string message) =>
        _diagnostics.Add(KnownDiagnostics.SyntaxError, _source.Map(span), message);

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind == kind)
            return Advance();
        Error(Current.Span, Current.Kind == TokenKind.End ? $"Expected {what} but the expression ended" : $"Expected {what} but found '{Current.Text}'");
        return new Token(kind, new TextSpan(Current.Span.Start, 0), "");
    }

    /// <summary><c>collection where predicate</c> binds loosest, so <c>listeners where it.port == 80 or it.port == 443</c> filters by both.</summary>
    private ExpressionSyntax ParseExpression()
    {
        var left = ParseOr();
        while (Current.Kind == TokenKind.Where)
        {
            var keyword = Advance();
            var predicate = ParseOr();
            left = new WhereSyntax(TextSpan.FromBounds(left.Span.Start, predicate.Span.End), left, keyword.Span, predicate);
        }
        return left;
    }

    private ExpressionSyntax ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var op = Advance();
            var right = ParseAnd();
            left = new BinarySyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, TokenKind.Or, op.Span, right);
        }
        return left;
    }

    private ExpressionSyntax ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            var op = Advance();
            var right = ParseNot();
            left = new BinarySyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, TokenKind.And, op.Span, right);
        }
        return left;
    }

    private ExpressionSyntax ParseNot()
    {
        if (Current.Kind == TokenKind.Not)
        {
            var op = Advance();
            Enter();
            var operand = ParseNot();
            Leave();
            return new UnarySyntax(TextSpan.FromBounds(op.Span.Start, operand.Span.End), TokenKind.Not, op.Span, operand);
        }
        return ParseComparison();
    }

    private static bool IsComparison(TokenKind kind) => kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater
        or TokenKind.GreaterEqual or TokenKind.EqualEqual or TokenKind.BangEqual or TokenKind.In;

    private ExpressionSyntax ParseComparison()
    {
        var left = ParseAdditive();
        if (Current.Kind == TokenKind.Not && _pos + 1 < _tokens.Length && _tokens[_pos + 1].Kind == TokenKind.In)
        {
            // "x not in [...]" is sugar for "not (x in [...])".
            var notToken = Advance();
            var inToken = Advance();
            var list = ParseAdditive();
            var inner = new BinarySyntax(TextSpan.FromBounds(left.Span.Start, list.Span.End), left, TokenKind.In, inToken.Span, list);
            return new UnarySyntax(inner.Span, TokenKind.Not, notToken.Span, inner);
        }
        if (IsComparison(Current.Kind))
        {
            var op = Advance();
            var right = ParseAdditive();
            var node = new BinarySyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op.Kind, op.Span, right);
            if (IsComparison(Current.Kind))
                Error(Current.Span, "Comparisons cannot be chained; combine them with 'and'");
            return node;
        }
        return left;
    }

    private ExpressionSyntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseMultiplicative();
            left = new BinarySyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op.Kind, op.Span, right);
        }
        return left;
    }

    private ExpressionSyntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary();
            left = new BinarySyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op.Kind, op.Span, right);
        }
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind == TokenKind.Minus)
        {
            var op = Advance();
            Enter();
            var operand = ParseUnary();
            Leave();
            return new UnarySyntax(TextSpan.FromBounds(op.Span.Start, operand.Span.End), TokenKind.Minus, op.Span, operand);
        }
        return ParsePostfix(ParsePrimary());
    }

    private ExpressionSyntax ParsePostfix(ExpressionSyntax expr)
    {
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                var name = Expect(TokenKind.Identifier, "a member name");
                expr = new MemberAccessSyntax(TextSpan.FromBounds(expr.Span.Start, name.Span.End), expr, name.Text, name.Span);
            }
            else if (Current.Kind == TokenKind.OpenBracket)
            {
                Advance();
                Enter();
                var index = ParseExpression();
                Leave();
                var close = Expect(TokenKind.CloseBracket, "']'");
                expr = new IndexSyntax(TextSpan.FromBounds(expr.Span.Start, close.Span.End), expr, index);
            }
            else
            {
                return expr;
            }
        }
    }

    private ExpressionSyntax ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteralSyntax(t.Span, t.Value, t.Unit);
            case TokenKind.String:
                Advance();
                return new StringLiteralSyntax(t.Span, t.Value);
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return new BooleanLiteralSyntax(t.Span, t.Kind == TokenKind.True);
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind == TokenKind.OpenParen)
                {
                    Advance();
                    Enter();
                    var args = ParseList(TokenKind.CloseParen, "')'", out var close);
                    Leave();
                    return new CallSyntax(TextSpan.FromBounds(t.Span.Start, close.Span.End), t.Text, t.Span, args);
                }
                return new NameSyntax(t.Span, t.Text);
            case TokenKind.OpenParen:
            {
                Advance();
                Enter();
                var inner = ParseExpression();
                Leave();
                Expect(TokenKind.CloseParen, "')'");
                return inner;
            }
            case TokenKind.OpenBracket:
            {
                Advance();
                Enter();
                var items = ParseList(TokenKind.CloseBracket, "']'", out var close);
                Leave();
                return new ListSyntax(TextSpan.FromBounds(t.Span.Start, close.Span.End), items);
            }
            default:
                Error(t.Span, t.Kind == TokenKind.End ? "Expected an expression but the expression ended" : $"Expected an expression but found '{t.Text}'");
                if (t.Kind != TokenKind.End)
                    Advance();
                return new ErrorSyntax(t.Span);
        }
    }

    private ImmutableArray<ExpressionSyntax> ParseList(TokenKind close, string closeText, out Token closeToken)
    {
        var items = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        if (Current.Kind != close)
        {
            do
            {
                items.Add(ParseExpression());
            }
            while (Current.Kind == TokenKind.Comma && Advance() is not null);
        }
        closeToken = Expect(close, closeText);
        return items.ToImmutable();
    }
}
