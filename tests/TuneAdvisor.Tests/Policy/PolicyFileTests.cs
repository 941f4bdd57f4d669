using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Policy;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Tests.Policy;

public sealed class PolicyFileTests
{
    private static readonly RuleSet BuiltIn = RuleSet.Load(builtIn: true, []);

    private static (PolicyFile? File, List<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var file = PolicyFile.Parse(yaml, "team.policy.yaml", BuiltIn, bag);
        return (file, bag.ToImmutableSorted().ToList());
    }

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    private static (int Line, int Column) PositionOf(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' is not in the test text");
        var before = text[..at];
        return (before.Count(c => c == '\n') + 1, at - (before.LastIndexOf('\n') + 1) + 1);
    }

    [Fact]
    public void A_complete_policy_reads_into_typed_values()
    {
        var (file, diagnostics) = Parse("""
            failOn: error
            disable: [TA1013, resources]
            enable: [TA1001]
            severity:
              TA1003: error
              listen: info
              all: warning
            options:
              TA1002:
                fill: 95%
            waivers:
              - rule: TA1001
                subject: "host"
                reason: somaxconn is raised by the orchestrator at boot
                approver: sre@example.com
                expires: 2027-01-31
              - rule: TA1002
                subject: "listener tcp *:80*"
                reason: the load balancer health port
            """);
        Assert.Empty(diagnostics);
        Assert.NotNull(file);
        Assert.Equal(Severity.Error, file.FailOn);
        Assert.Equal(["TA1013", "resources"], file.Policy.Disabled.Order(StringComparer.Ordinal));
        Assert.Equal(["TA1001"], file.Policy.Enabled);
        Assert.Equal(Severity.Error, file.Policy.SeverityOverrides["TA1003"]);
        Assert.Equal(Severity.Info, file.Policy.SeverityOverrides["listen"]);
        Assert.Equal(Severity.Warning, file.Policy.SeverityOverrides["all"]);
        var fill = file.Policy.OptionOverrides["TA1002"]["fill"];
        Assert.Equal(BuiltIn.Rules.Single(r => r.Id == "TA1002").OptionTypes["fill"], ExprType.Percent);
        Assert.Equal(0.95, fill.Number, 6);   // percents are fractions
        var first = file.Policy.Waivers[0];
        Assert.Equal(("TA1001", "host", "sre@example.com"), (first.RuleId, first.Subject, first.Approver));
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), first.Expires);
        Assert.Null(file.Policy.Waivers[1].Expires);
        Assert.Equal("listener tcp *:80*", file.Policy.Waivers[1].Subject);
    }

    [Theory]
    [InlineData("fialOn: error\n", "fialOn", "unknown key 'fialOn'; did you mean 'failOn'?")]
    [InlineData("failOn: fatal\n", "fatal", "'fatal' is not a severity")]
    [InlineData("options:\n  TA1002:\n    fil: 90%\n", "fil", "rule TA1002 has no option 'fil'; did you mean 'fill'?")]
    [InlineData("options:\n  TA1002:\n    fill: 16MiB\n", "16MiB", "option TA1002.fill is Percent, not Bytes ('16MiB')")]
    [InlineData("waivers:\n  - rule: TA1001\n    reason: ok\n    expires: next week\n", "next week", "expires 'next week' is not a date like 2027-01-31")]
    [InlineData("waivers:\n  - rule: TA1001\n    subject: host\n", "rule: TA1001", "a waiver needs 'reason'")]
    [InlineData("waivers:\n  - rule: TA1001\n    reason: ok\n    owner: me\n", "owner", "unknown waiver field 'owner'")]
    [InlineData("severity: error\n", "error", "severity must be a mapping")]
    [InlineData("- TA1001\n", "- TA1001", "a policy file is a YAML mapping")]
    public void Each_mistake_is_an_error_at_its_position_and_the_policy_is_not_used(string yaml, string marker, string message)
    {
        var (file, diagnostics) = Parse(yaml);
        Assert.Null(file);
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("TA0301", error.Descriptor.Id);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        var (line, column) = PositionOf(yaml, marker);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
        Assert.StartsWith($"team.policy.yaml({line},{column}): error TA0301: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_or_category_no_rule_has_is_a_warning_with_a_suggestion_and_the_policy_still_loads()
    {
        var yaml = "disable: [TA1O13]\nseverity:\n  lisen: info\n";
        var (file, diagnostics) = Parse(yaml);
        Assert.NotNull(file);
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(("TA0303", Severity.Warning), (d.Descriptor.Id, d.Severity)));
        Assert.Contains(diagnostics, d => d.Message.Contains("'TA1O13'", StringComparison.Ordinal) && d.Message.EndsWith("did you mean 'TA1013'?", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.EndsWith("did you mean 'listen'?", StringComparison.Ordinal)
            && (d.Span.Line, d.Span.Column) == PositionOf(yaml, "lisen"));
    }

    [Fact]
    public void An_empty_file_is_an_empty_policy_and_a_missing_file_is_an_error_naming_it()
    {
        var (empty, diagnostics) = Parse("# nothing yet\n");
        Assert.Empty(diagnostics);
        Assert.NotNull(empty);
        Assert.Equal(AuditPolicy.Default, empty.Policy);

        var bag = new DiagnosticBag();
        Assert.Null(PolicyFile.Load("/nonexistent/team.policy.yaml", BuiltIn, bag));
        Assert.Contains("/nonexistent/team.policy.yaml", Assert.Single(bag.ToImmutableSorted()).ToString(), StringComparison.Ordinal);
    }
}
