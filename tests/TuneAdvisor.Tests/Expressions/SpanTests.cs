using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Binding;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Tests.Expressions;

/// <summary>Each case marks where its error must point with [|…|]; no line or column is written down by hand.</summary>
public sealed class SpanTests
{
    [Theory]
    [InlineData("16MiB [|>|] \"big\"", "TA0103")]
    [InlineData("sysctl(\"net.core.somaxconn\") [|+|] \"x\" > 1 or true", "TA0103")]
    [InlineData("[|sysclt|](\"net.core.somaxconn\") > 1", "TA0106")]
    [InlineData("listener.[|recvq|] > 1", "TA0105")]
    [InlineData("1 [|$|] 2", "TA0101")]
    [InlineData("any(listeners, [|it.port|])", "TA0108")]
    [InlineData("[|5furlongs|] > 1", "TA0112")]
    public void Diagnostic_points_at_the_marked_span(string marked, string id)
    {
        var (text, line, column) = SpanMarkup.Parse(marked);
        var bag = new DiagnosticBag();
        Binder.Compile(ExpressionSource.Standalone(text, "t"), Scopes.Listener, new Dictionary<string, ExprType>(), bag, out _);
        var d = Assert.Single(bag.ToImmutableSorted(), x => x.Id == id);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Error_inside_a_yaml_rule_points_at_the_rule_file_line_and_column()
    {
        var (yaml, line, column) = SpanMarkup.Parse("""
            id: TA9001
            title: t
            message: m
            category: custom
            severity: warning
            scope: host
            condition: sysctl("net.core.rmem_max") [|>|] "big"
            """);
        var set = RuleSet.Compile([new RuleFile("rules/custom/TA9001-t.yaml", yaml, _ => ("x.md", "# help"))],
            RuleSources.Ranges([], new DiagnosticBag()), new DiagnosticBag());
        var d = Assert.Single(set.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal($"rules/custom/TA9001-t.yaml({line},{column}): error TA0103: Operator '>' cannot be applied to Bytes and String", d.ToString());
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Error_inside_a_block_scalar_condition_points_at_its_own_line()
    {
        var (yaml, line, column) = SpanMarkup.Parse("""
            id: TA9002
            title: t
            message: m
            category: custom
            severity: warning
            scope: listener
            condition: |
              listener.protocol == "tcp"
                and listener.[|recvq|] > 0
            """);
        var set = RuleSet.Compile([new RuleFile("r/TA9002-t.yaml", yaml, _ => ("x.md", "# help"))],
            RuleSources.Ranges([], new DiagnosticBag()), new DiagnosticBag());
        var d = Assert.Single(set.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.Contains("did you mean 'recv_q'?", d.Message);
    }

    [Fact]
    public void Error_inside_a_message_hole_points_into_the_message()
    {
        var (yaml, line, column) = SpanMarkup.Parse("""
            id: TA9003
            title: t
            message: 'somaxconn is {sysctl("net.core.somaxconn") [|+|] "x"}'
            category: custom
            severity: warning
            scope: host
            condition: sysctl("net.core.somaxconn") < 1024
            """);
        var set = RuleSet.Compile([new RuleFile("r/TA9003-t.yaml", yaml, _ => ("x.md", "# help"))],
            RuleSources.Ranges([], new DiagnosticBag()), new DiagnosticBag());
        var d = Assert.Single(set.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal(("TA0103", line, column), (d.Id, d.Span.Line, d.Span.Column));
    }
}
