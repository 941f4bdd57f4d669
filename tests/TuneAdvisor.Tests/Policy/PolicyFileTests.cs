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
    internal static (int Line, int Column) PositionOf(string text, string marker)
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
        // The second waiver has no expiry: accepted, with a warning at its position.
        var forever = Assert.Single(diagnostics);
        Assert.Equal(("TA0304", Severity.Warning), (forever.Descriptor.Id, forever.Severity));
        Assert.Contains("The waiver of TA1002 has no 'expires'", forever.Message, StringComparison.Ordinal);
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
    [InlineData("waivers:\n  - rule: TA1001\n    reason: ok\n    expires: next week\n", "next week", "expires 'next week' is not a date like 2027-01-31 or a date-time with an offset")]
    [InlineData("waivers:\n  - rule: TA1001\n    subject: host\n", "rule: TA1001", "a waiver needs 'justification' (or its alias 'reason')")]
    [InlineData("waivers:\n  - rule: TA1001\n    justification: ok\n    reason: ok\n", "reason: ok", "give 'justification' or its alias 'reason', not both")]
    [InlineData("waivers:\n  - rule: TA1001\n    reason: ok\n    expires: 2027-01-31T18:00:00\n", "2027-01-31T18:00:00", "has a time but no offset")]
    [InlineData("requireWaiverExpiry: true\nwaivers:\n  - rule: TA1001\n    reason: ok\n", "rule: TA1001", "a waiver of TA1001 needs 'expires' (requireWaiverExpiry is on)")]
    [InlineData("requireWaiverExpiry: sometimes\n", "sometimes", "requireWaiverExpiry is true or false")]
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

    [Fact]
    public void A_waiver_carries_its_ticket_and_justification_and_an_expiry_with_an_offset()
    {
        var (file, diagnostics) = Parse("""
            waivers:
              - rule: TA1001
                justification: raised by the orchestrator at boot
                ticket: OPS-123
                approver: sre@example.com
                expires: 2027-03-01T09:00:00+01:00
            """);
        Assert.Empty(diagnostics);
        var w = Assert.Single(file!.Policy.Waivers);
        Assert.Equal(("raised by the orchestrator at boot", "OPS-123"), (w.Justification, w.Ticket));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero), w.Expires!.Value.ToUniversalTime());
        Assert.Equal("raised by the orchestrator at boot [OPS-123] (approved by sre@example.com), until 2027-03-01 09:00 +01:00", w.Describe());
    }

    [Theory]
    // A date ends at 00:00 UTC of that day; an offset moves the instant, whatever time zone the machine is in.
    [InlineData("2027-03-01", "2027-02-28T23:59:59Z", true)]
    [InlineData("2027-03-01", "2027-03-01T00:00:00Z", false)]
    [InlineData("2027-03-01T09:00:00+01:00", "2027-03-01T07:59:59Z", true)]
    [InlineData("2027-03-01T09:00:00+01:00", "2027-03-01T08:00:00Z", false)]
    [InlineData("2027-03-01T09:00:00+01:00", "2027-03-01T02:59:00-05:00", true)]     // 07:59 UTC, before 08:00 UTC
    [InlineData("2027-03-01T09:00:00+01:00", "2027-03-01T03:30:00-05:00", false)]    // 08:30 UTC, after it
    [InlineData("2027-03-01T09:00:00-08:00", "2027-03-01T16:59:00Z", true)]
    [InlineData("2027-03-01T09:00:00-08:00", "2027-03-01T17:00:00Z", false)]
    public void A_waiver_applies_until_its_expiry_instant_and_then_the_finding_counts_again(string expires, string now, bool waived)
    {
        var (file, _) = Parse($"waivers:\n  - {{ rule: TA1001, justification: ok, expires: \"{expires}\" }}\n");
        var finding = new TuneAdvisor.Evaluation.Finding { RuleId = "TA1001", Title = "t", Category = "listen", Severity = Severity.Warning, Subject = "host", Message = "m" };
        var applied = file!.Policy.Apply([finding], DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), out var notes);
        Assert.Equal(waived, applied.Single().Suppression is not null);
        Assert.Equal(!waived, notes.Any(d => d.Descriptor.Id == "TA0302"));
    }
}
