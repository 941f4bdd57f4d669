using TuneAdvisor.Diagnostics;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Tests.Rules;

public sealed class RuleLoaderTests
{
    private const string Valid = """
        id: TA9001
        title: Example
        message: 'somaxconn is {sysctl("net.core.somaxconn")}'
        category: custom
        severity: warning
        scope: host
        condition: sysctl("net.core.somaxconn") < options.minimum
        options:
          minimum:
            default: 1024
            description: smallest value
        """;

    private static RuleSet Compile(string yaml, string name = "rules/custom/TA9001-example.yaml", bool help = true) =>
        RuleSet.Compile([new RuleFile(name, yaml, _ => help ? ("TA9001-example.md", "# help") : null)],
            RuleSources.Ranges([], new DiagnosticBag()), new DiagnosticBag());

    private static string[] Lines(RuleSet set) => set.Diagnostics.Select(d => d.ToString()).ToArray();

    [Fact]
    public void A_valid_rule_compiles_with_typed_options()
    {
        var set = Compile(Valid);
        Assert.Empty(set.Diagnostics);
        var rule = Assert.Single(set.Rules);
        Assert.Equal("Integer", Assert.Single(rule.Descriptor.Options).Type);
        Assert.Equal(Severity.Warning, rule.Descriptor.DefaultSeverity);
    }

    [Fact]
    public void Unknown_field_is_an_error_with_a_suggestion() =>
        Assert.Equal(["rules/custom/TA9001-example.yaml(5,1): error TA0003: Unknown field 'severty' in a rule; did you mean 'severity'?"],
            Lines(Compile(Valid.Replace("severity:", "severty:"))).Where(l => l.Contains("TA0003")));

    [Fact]
    public void Missing_required_field_is_an_error()
    {
        var set = Compile(Valid.Replace("scope: host\n", ""));
        Assert.Contains("rules/custom/TA9001-example.yaml(1,1): error TA0004: Required field 'scope' is missing in a rule", Lines(set));
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Yaml_syntax_error_names_file_and_position()
    {
        var set = Compile("id: TA9001\ntitle: [unclosed\n");
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal("TA0002", d.Id);
        Assert.Equal("rules/custom/TA9001-example.yaml", d.Span.Path);
        Assert.True(d.Span.Line >= 2);
    }

    [Fact]
    public void Condition_that_does_not_parse_is_reported_in_the_rule_file()
    {
        var set = Compile(Valid.Replace("< options.minimum", "< < options.minimum"));
        Assert.Equal(["rules/custom/TA9001-example.yaml(7,43): error TA0102: Expected an expression but found '<'"], Lines(set));
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Id_outside_its_category_range_is_an_error() =>
        Assert.Contains("rules/custom/TA1001-example.yaml(1,5): error TA0007: Rule id 'TA1001' is outside the range TA9000-TA9999 of category 'custom' (rules/ID-RANGES.txt)",
            Lines(Compile(Valid.Replace("TA9001", "TA1001"), "rules/custom/TA1001-example.yaml")));

    [Fact]
    public void Unknown_category_and_bad_severity_and_scope_are_errors()
    {
        var lines = Lines(Compile(Valid.Replace("category: custom", "category: lisen").Replace("severity: warning", "severity: fatal").Replace("scope: host", "scope: hosts")));
        Assert.Contains(lines, l => l.Contains("TA0011") && l.Contains("did you mean 'listen'?"));
        Assert.Contains(lines, l => l.Contains("TA0005") && l.Contains("'severity'"));
        Assert.Contains(lines, l => l.Contains("TA0005") && l.Contains("'hosts' is not a scope") && l.Contains("did you mean 'host'?"));
    }

    [Fact]
    public void Missing_help_page_is_a_warning_and_the_rule_still_runs()
    {
        var set = Compile(Valid, help: false);
        Assert.Equal(["rules/custom/TA9001-example.yaml(1,5): warning TA0008: Rule 'TA9001' has no help page 'TA9001-example.md'"], Lines(set));
        Assert.Single(set.Rules);
    }

    [Fact]
    public void Duplicate_ids_are_reported()
    {
        var file = new RuleFile("a/TA9001-example.yaml", Valid, _ => ("h.md", "# h"));
        var twin = new RuleFile("b/TA9001-example.yaml", Valid, _ => ("h.md", "# h"));
        var set = RuleSet.Compile([file, twin], RuleSources.Ranges([], new DiagnosticBag()), new DiagnosticBag());
        Assert.Contains("b/TA9001-example.yaml(1,5): error TA0006: Rule id 'TA9001' is already defined in a/TA9001-example.yaml", set.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Condition_must_be_boolean() =>
        Assert.Contains(Lines(Compile(Valid.Replace("condition: sysctl(\"net.core.somaxconn\") < options.minimum", "condition: sysctl(\"net.core.somaxconn\")"))),
            l => l.Contains("TA0111: A condition must be Boolean, not Integer"));

    [Fact]
    public void Built_in_rules_compile_without_diagnostics()
    {
        var set = RuleSet.Load(builtIn: true, []);
        Assert.Empty(set.Diagnostics);
        Assert.True(set.Rules.Length >= 3);
    }
}
