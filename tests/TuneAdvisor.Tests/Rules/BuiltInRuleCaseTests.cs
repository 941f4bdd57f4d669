using System.Text.RegularExpressions;
using TuneAdvisor.RuleTesting;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Tests.Rules;

/// <summary>Every built-in rule's test cases run here, and every rule must have a firing and a quiet case, a help page and a RELEASES row.</summary>
public sealed class BuiltInRuleCaseTests
{
    private static readonly Lazy<RuleTestRun> Run = new(() => RuleTestRunner.Run(builtIn: true, []));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Run.Value.Cases)
            data.Add($"{c.RuleId} {c.Name}");
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule_case_passes(string name)
    {
        var c = Run.Value.Cases.Single(x => $"{x.RuleId} {x.Name}" == name);
        Assert.True(c.Passed, $"{c.Path}: {c.Failure}");
    }

    [Fact]
    public void Test_files_load_without_diagnostics() => Assert.Empty(Run.Value.Diagnostics);

    [Fact]
    public void Every_rule_has_a_firing_and_a_quiet_case()
    {
        foreach (var rule in RuleSet.Load(builtIn: true, []).Rules)
        {
            var cases = Run.Value.Cases.Where(c => c.RuleId == rule.Id).ToList();
            Assert.True(cases.Any(c => c.ExpectsFinding), $"{rule.Id} has no case that fires");
            Assert.True(cases.Any(c => !c.ExpectsFinding), $"{rule.Id} has no quiet case");
        }
    }

    [Fact]
    public void Every_rule_has_a_help_page_and_a_releases_row()
    {
        var releases = File.ReadAllText(Path.Combine(RepoPaths.Rules, "RELEASES.md"));
        foreach (var rule in RuleSet.Load(builtIn: true, []).Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Descriptor.HelpText), $"{rule.Id} has no help page");
            Assert.Matches(new Regex($@"^\| {rule.Id} \| {rule.Descriptor.Category} \| {rule.Descriptor.DefaultSeverity.ToString().ToLowerInvariant()} \|", RegexOptions.Multiline), releases);
        }
    }

    [Fact]
    public void A_failing_case_is_reported_as_failed()
    {
        // The harness itself must be able to fail: a case expecting no finding where the rule fires.
        var rule = RuleSet.Load(builtIn: true, []).Rules.Single(r => r.Id == "TA1001");
        var results = RuleTestRunner.RunFile(rule, "inline.tests.yaml", """
            cases:
              - name: wrong on purpose
                snapshot:
                  sysctls: { net.core.somaxconn: 128 }
                expect: []
            """, new Diagnostics.DiagnosticBag()).ToList();
        var only = Assert.Single(results);
        Assert.False(only.Passed);
        Assert.Contains("expected findings for [], got [host]", only.Failure);
    }
}
