using System.Text.Json.Nodes;
using Json.Schema;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Policy;
using TuneAdvisor.Rules;
using TuneAdvisor.Tests.Rules;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests.Policy;

/// <summary>schemas/policy.schema.json and PolicyFile accept the same files: the example policy passes both, and a mistake fails both.</summary>
public sealed class PolicySchemaTests
{
    private static readonly string Example = Path.Combine(RepoPaths.Root, "tests/TuneAdvisor.Tests/TestFiles/Policy/team.policy.yaml");

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "policy.schema.json"))));

    private static bool SchemaAccepts(string yaml)
    {
        var root = YamlTreeReader.Read(yaml, "policy.yaml", new DiagnosticBag());
        using var json = System.Text.Json.JsonDocument.Parse(YamlJson.Convert(root!)?.ToJsonString() ?? "null");
        return Schema.Value.Evaluate(json.RootElement).IsValid;
    }

    [Fact]
    public void The_example_policy_is_valid_for_the_schema_and_the_loader()
    {
        var text = File.ReadAllText(Example);
        Assert.True(SchemaAccepts(text));
        var bag = new DiagnosticBag();
        var file = PolicyFile.Load(Example, RuleSet.Load(builtIn: true, []), bag);
        Assert.Empty(bag.ToImmutableSorted());
        Assert.NotNull(file);
        Assert.Equal("TA1014", Assert.Single(file.Policy.Waivers).RuleId);
    }

    [Theory]
    [InlineData("failOn: fatal\n")]
    [InlineData("fialOn: error\n")]
    [InlineData("waivers:\n  - rule: TA1001\n")]
    [InlineData("waivers:\n  - rule: TA1001\n    reason: ok\n    expires: next week\n")]
    [InlineData("severity:\n  TA1001: fatal\n")]
    [InlineData("waivers:\n  - rule: TA1001\n    justification: ok\n    reason: ok\n")]
    [InlineData("waivers:\n  - rule: TA1001\n    reason: ok\n    expires: 2027-01-31T18:00:00\n")]
    [InlineData("requireWaiverExpiry: sometimes\n")]
    [InlineData("extends: [no-such-preset]\nrulesVersion: latest\n")]
    [InlineData("overrides:\n  - severity: { TA1001: error }\n")]
    [InlineData("overrides:\n  - hostname: db-*\n    failOn: error\n")]
    [InlineData("severity:\n  TA1001: { value: error, because: x }\n")]
    public void A_mistake_the_loader_rejects_is_rejected_by_the_schema_too(string yaml)
    {
        Assert.False(SchemaAccepts(yaml));
        var bag = new DiagnosticBag();
        Assert.Null(PolicyFile.Parse(yaml, "policy.yaml", RuleSet.Load(builtIn: true, []), bag));
    }

    [Theory]
    [InlineData("golden-image")]
    [InlineData("web-frontend")]
    [InlineData("database")]
    [InlineData("load-balancer")]
    public void Every_preset_is_valid_for_the_schema(string preset) =>
        Assert.True(SchemaAccepts(File.ReadAllText(Path.Combine(RepoPaths.Root, "presets", preset + ".yaml"))));

    [Fact]
    public void The_layered_forms_are_valid_for_the_schema_and_the_loader()
    {
        const string yaml = """
            extends: [golden-image, ../shared/org.yaml]
            rulesVersion: { value: 0.1.0, why: "the pack our images were certified with" }
            description: the web tier
            disable: { TA1013: "TA1001 covers it" }
            enable: [TA1505, { value: TA1510, why: "mixed traffic" }]
            severity: { TA1003: { value: error, why: "build hosts" }, all: info }
            options: { TA1002: { fill: { value: 80%, why: "headroom" } } }
            overrides:
              - { hostname: ["db-*", "pg?"], kernel: ">= 5.4, < 6.1", tags: prod, severity: { TA1601: error } }
            """;
        Assert.True(SchemaAccepts(yaml));
        var bag = new DiagnosticBag();
        var chain = PolicyLoader.Parse(yaml.Replace("../shared/org.yaml, ", "", StringComparison.Ordinal).Replace(", ../shared/org.yaml", "", StringComparison.Ordinal), "p.yaml", RuleSet.Load(builtIn: true, []), bag);
        Assert.Empty(bag.ToImmutableSorted());
        Assert.NotNull(chain);
    }
}
