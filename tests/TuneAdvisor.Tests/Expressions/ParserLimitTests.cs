using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Tests.Expressions;

/// <summary>
/// A condition is bounded before the binder, compiler and evaluator recurse over it: nesting past
/// <see cref="Parser.MaxNesting"/> and length past <see cref="Parser.MaxTokens"/> are syntax errors at the token that
/// crossed the line.
/// </summary>
public sealed class ParserLimitTests
{
    private static Diagnostic Error(string text)
    {
        var bag = new DiagnosticBag();
        Parser.Parse(ExpressionSource.Standalone(text, "t"), bag);
        return Assert.Single(bag.ToImmutableSorted());
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("not ", "")]
    [InlineData("-", "")]
    [InlineData("max(", ")")]
    public void Nesting_one_level_past_the_limit_is_an_error_at_that_level(string open, string close)
    {
        var ok = string.Concat(Enumerable.Repeat(open, Parser.MaxNesting)) + "1" + string.Concat(Enumerable.Repeat(close, Parser.MaxNesting));
        var bag = new DiagnosticBag();
        Parser.Parse(ExpressionSource.Standalone(ok, "t"), bag);
        Assert.DoesNotContain(bag.ToImmutableSorted(), d => d.Message.Contains("nests deeper"));

        // One opener more: the error points at what the 65th opener holds.
        var error = Error(string.Concat(Enumerable.Repeat(open, Parser.MaxNesting + 1)) + "1" + string.Concat(Enumerable.Repeat(close, Parser.MaxNesting + 1)));
        Assert.Equal("TA0102", error.Id);
        Assert.Equal(1 + (Parser.MaxNesting + 1) * open.Length, error.Span.Column);
        Assert.Equal("The expression nests deeper than 64 levels", error.Message);
    }

    [Fact]
    public void Ten_thousand_parentheses_are_one_error_not_a_stack_overflow()
    {
        var error = Error(new string('(', 10_000) + "true" + new string(')', 10_000));
        Assert.Equal("The expression is longer than 2000 tokens; split it into rules or options", error.Message);
        Assert.Equal(Parser.MaxTokens + 1, error.Span.Column);
    }

    [Fact]
    public void A_long_flat_chain_under_the_token_limit_parses()
    {
        var bag = new DiagnosticBag();
        Parser.Parse(ExpressionSource.Standalone(string.Join(" + ", Enumerable.Repeat("1", 999)) + " > 0", "t"), bag);
        Assert.Empty(bag.ToImmutableSorted());
    }
}
