using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Policy;
using TuneAdvisor.Rules;
using TuneAdvisor.Tests.Rules;

namespace TuneAdvisor.Tests.Policy;

/// <summary>extends: presets and files merged in their documented order, later wins, the command line last.</summary>
public sealed class PolicyLayeringTests : IDisposable
{
    private static readonly RuleSet BuiltIn = RuleSet.Load(builtIn: true, []);
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private (PolicyChain? Chain, IReadOnlyList<Diagnostic> Diagnostics) Load(string file)
    {
        var bag = new DiagnosticBag();
        var chain = PolicyLoader.Load(_tree.PathOf(file), BuiltIn, bag);
        return (chain, bag.ToImmutableSorted());
    }

    private static ResolvedPolicy Resolve(PolicyChain chain, PolicyLayer? commandLine = null) =>
        PolicyResolver.Resolve(commandLine is null ? chain : chain.With(commandLine), HostFacts.None);

    [Fact]
    public void A_preset_is_merged_first_and_the_file_that_extends_it_wins()
    {
        _tree.Write("tuneadvisor.yaml", "extends: [web-frontend]\noptions:\n  TA1002:\n    fill: 95%\n");
        var (chain, diagnostics) = Load("tuneadvisor.yaml");
        Assert.Empty(diagnostics);
        Assert.Equal(["preset web-frontend", _tree.PathOf("tuneadvisor.yaml")], chain!.Layers.Select(l => l.Origin));
        var policy = Resolve(chain);
        Assert.Equal(0.95, policy.Policy.OptionOverrides["TA1002"]["fill"].Number, 6);     // the file's, not the preset's 80 %
        Assert.Equal(4096, policy.Policy.OptionOverrides["TA1001"]["minimum"].Number);      // the preset's, untouched
        Assert.Equal(Severity.Error, policy.Policy.SeverityOverrides["TA1005"]);
        Assert.Contains("TA1505", policy.Policy.Enabled);
        Assert.Equal("preset web-frontend", policy.Options["TA1001.minimum"].Value.Origin);
        Assert.NotNull(policy.Options["TA1001.minimum"].Value.Why);
    }

    [Fact]
    public void Extended_files_merge_in_the_order_listed_then_the_file_then_the_command_line()
    {
        _tree.Write("base/a.yaml", "failOn: error\nseverity: { TA1003: info, TA1004: info }\ndisable: [TA1013]\n");
        _tree.Write("base/b.yaml", "severity: { TA1003: error }\nenable: [TA1013]\n");
        _tree.Write("team.yaml", "extends: [base/a.yaml, ./base/b.yaml]\nseverity: { TA1004: warning }\n");
        var (chain, diagnostics) = Load("team.yaml");
        Assert.Empty(diagnostics);
        var policy = Resolve(chain!);
        Assert.Equal(Severity.Error, policy.Policy.SeverityOverrides["TA1003"]);    // b after a
        Assert.Equal(Severity.Warning, policy.Policy.SeverityOverrides["TA1004"]);  // the file after both
        Assert.Contains("TA1013", policy.Policy.Enabled);                          // b's enable undoes a's disable
        Assert.DoesNotContain("TA1013", policy.Policy.Disabled);
        Assert.Equal(Severity.Error, policy.FailOn!.Value);

        var cli = PolicyResolver.CommandLine(["TA1013"], new Dictionary<string, Severity> { ["TA1003"] = Severity.Info }, Severity.None);
        var withCli = Resolve(chain!, cli);
        Assert.Equal(Severity.Info, withCli.Policy.SeverityOverrides["TA1003"]);
        Assert.Contains("TA1013", withCli.Policy.Disabled);
        Assert.Equal((Severity.None, "command line"), (withCli.FailOn!.Value, withCli.FailOn.Origin));
    }

    [Fact]
    public void A_layer_reached_twice_is_merged_once_at_its_first_place()
    {
        _tree.Write("common.yaml", "severity: { TA1003: info }\n");
        _tree.Write("a.yaml", "extends: [common.yaml]\n");
        _tree.Write("b.yaml", "extends: [common.yaml, golden-image]\n");
        _tree.Write("top.yaml", "extends: [a.yaml, b.yaml, golden-image]\n");
        var (chain, diagnostics) = Load("top.yaml");
        Assert.Empty(diagnostics);
        Assert.Equal(
            [_tree.PathOf("common.yaml"), _tree.PathOf("a.yaml"), "preset golden-image", _tree.PathOf("b.yaml"), _tree.PathOf("top.yaml")],
            chain!.Layers.Select(l => l.Origin));
    }

    [Theory]
    [InlineData("extends: [web-frontnd]\n", "web-frontnd", "no preset 'web-frontnd'; did you mean 'web-frontend'?")]
    [InlineData("extends: [./missing.yaml]\n", "./missing.yaml", "./missing.yaml: no such file")]
    [InlineData("rulesVersion: 9.9.9\n", "9.9.9", "rulesVersion '9.9.9' is not a released rule pack (released: 0.1.0")]
    [InlineData("overrides:\n  - severity: { TA1001: error }\n", "severity", "an override needs a selector")]
    [InlineData("overrides:\n  - kernel: newer\n    severity: { TA1001: error }\n", "newer", "kernel: 'newer' is not a bound")]
    [InlineData("overrides:\n  - hostname: db-*\n    waivers: []\n", "waivers", "unknown override field 'waivers'")]
    [InlineData("severity:\n  TA1001: { value: error, because: x }\n", "because", "unknown field 'because'")]
    public void Each_mistake_in_layering_is_an_error_at_its_position(string yaml, string marker, string message)
    {
        _tree.Write("team.yaml", yaml);
        var (chain, diagnostics) = Load("team.yaml");
        Assert.Null(chain);
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyFileTests.PositionOf(yaml, marker), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void A_cycle_is_an_error_at_the_extends_that_closes_it()
    {
        _tree.Write("team.yaml", "extends: [./org.yaml]\n");
        _tree.Write("org.yaml", "failOn: error\nextends:\n  - team.yaml\n");
        var (chain, diagnostics) = Load("team.yaml");
        Assert.Null(chain);
        var error = Assert.Single(diagnostics);
        Assert.Equal((_tree.PathOf("org.yaml"), 3, 5), (error.Span.Path, error.Span.Line, error.Span.Column));
        Assert.Contains($"makes a cycle: {_tree.PathOf("team.yaml")} -> {_tree.PathOf("org.yaml")} -> {_tree.PathOf("team.yaml")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_one_layer_disable_wins_and_the_rule_id_wins_over_its_category()
    {
        _tree.Write("p.yaml", "disable: [listen, TA1002]\nenable: [TA1001, TA1002]\n");
        var policy = Resolve(Load("p.yaml").Chain!).Policy;
        Assert.True(policy.IsEnabled(BuiltIn.Rules.Single(r => r.Id == "TA1001")));   // the id's enable over the category's disable
        Assert.False(policy.IsEnabled(BuiltIn.Rules.Single(r => r.Id == "TA1002")));  // both in one layer: disable
        Assert.False(policy.IsEnabled(BuiltIn.Rules.Single(r => r.Id == "TA1003")));
    }

    [Fact]
    public void A_switch_without_a_reason_has_no_why_rather_than_the_text_of_yaml_null()
    {
        _tree.Write("p.yaml", "disable: { TA1013: ~, TA1002: \"covered by TA1001\" }\n");
        var switches = Resolve(Load("p.yaml").Chain!).Switches;
        Assert.Null(switches["TA1013"].Why);
        Assert.Equal("covered by TA1001", switches["TA1002"].Why);
    }

    [Fact]
    public void Require_waiver_expiry_from_an_extended_file_applies_to_the_waivers_of_the_file_extending_it()
    {
        _tree.Write("org.yaml", "requireWaiverExpiry: true\n");
        _tree.Write("team.yaml", "extends: [org.yaml]\nwaivers:\n  - { rule: TA1001, justification: ok }\n");
        var (chain, diagnostics) = Load("team.yaml");
        Assert.Null(chain);
        var error = Assert.Single(diagnostics);
        Assert.Contains($"needs 'expires' (requireWaiverExpiry is on); {_tree.PathOf("org.yaml")} sets it", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Span.Line);
    }

    [Fact]
    public void Every_preset_loads_cleanly_and_every_choice_in_it_says_why()
    {
        Assert.Equal(["database", "golden-image", "load-balancer", "web-frontend"], PolicyPresets.Names.ToArray());
        foreach (var name in PolicyPresets.Names)
        {
            var bag = new DiagnosticBag();
            var layer = Assert.Single(PolicyLoader.LoadPreset(name, BuiltIn, bag)!.Layers);
            Assert.Empty(bag.ToImmutableSorted());
            Assert.False(string.IsNullOrWhiteSpace(layer.Description), name);
            Assert.False(layer.Body.IsEmpty, name);
            Assert.All(layer.Body.Switches, s => Assert.False(string.IsNullOrWhiteSpace(s.On.Why), $"{name}: {s.Key}"));
            Assert.All(layer.Body.Severities, s => Assert.False(string.IsNullOrWhiteSpace(s.Level.Why), $"{name}: {s.Key}"));
            Assert.All(layer.Body.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Value.Why), $"{name}: {o.RuleId}.{o.Option}"));
            if (layer.FailOn is { } f)
                Assert.False(string.IsNullOrWhiteSpace(f.Why), name);
        }
    }

    [Fact]
    public void Policy_show_prints_a_policy_file_that_reads_back_as_the_same_policy()
    {
        _tree.Write("team.yaml", """
            extends: [golden-image, database]
            rulesVersion: 0.1.0
            severity: { "all": info, TA1003: { value: warning, why: "build hosts: overflows matter" } }
            options: { TA1002: { fill: 85% } }
            overrides:
              - { tags: [prod], options: { TA1001: { minimum: 8192 } } }
            waivers:
              - { rule: TA1014, subject: "app nginx *:80", justification: "raised at boot: see OPS-1", ticket: OPS-1, expires: "2027-03-31T18:00:00-05:00" }
              - { rule: TA1001, justification: legacy, expires: 2027-01-31 }
            """);
        var host = new HostFacts("db-1", "6.1.0", ["prod"]);
        var resolved = PolicyResolver.Resolve(Load("team.yaml").Chain!, host);
        var printed = PolicyPrinter.Print(resolved, _tree.PathOf("team.yaml"));
        Assert.Contains("# overrides (already merged above where they apply):", printed, StringComparison.Ordinal);
        Assert.Contains("tags prod: applied", printed, StringComparison.Ordinal);
        Assert.Contains("# preset golden-image, line ", printed, StringComparison.Ordinal);

        var bag = new DiagnosticBag();
        var again = PolicyLoader.Parse(printed, "shown.yaml", BuiltIn, bag);
        Assert.DoesNotContain(bag.ToImmutableSorted(), d => d.Severity == Severity.Error);
        var reread = PolicyResolver.Resolve(again!, host);
        var (a, b) = (resolved.Policy, reread.Policy);
        Assert.Equal(a.Enabled.Order(), b.Enabled.Order());
        Assert.Equal(a.Disabled.Order(), b.Disabled.Order());
        Assert.Equal(a.SeverityOverrides.OrderBy(kv => kv.Key), b.SeverityOverrides.OrderBy(kv => kv.Key));
        Assert.Equal(
            a.OptionOverrides.SelectMany(r => r.Value.Select(o => $"{r.Key}.{o.Key}={o.Value.Number}")).Order(),
            b.OptionOverrides.SelectMany(r => r.Value.Select(o => $"{r.Key}.{o.Key}={o.Value.Number}")).Order());
        Assert.Equal(a.Waivers.Select(w => (w.RuleId, w.Subject, w.Justification, w.Ticket, w.Expires)),
            b.Waivers.Select(w => (w.RuleId, w.Subject, w.Justification, w.Ticket, w.Expires)));
        Assert.Equal((resolved.FailOn?.Value, resolved.RulesVersion?.Value), (reread.FailOn?.Value, reread.RulesVersion?.Value));
        Assert.Equal(8192, b.OptionOverrides["TA1001"]["minimum"].Number);
    }
}
