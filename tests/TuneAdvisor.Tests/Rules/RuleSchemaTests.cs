using System.Text.Json.Nodes;
using Json.Schema;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Rules;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests.Rules;

/// <summary>
/// schemas/rule.schema.json and schemas/rule-tests.schema.json describe what the loader and the test runner accept.
/// These tests keep them in sync with RuleLoader's field lists, the scopes, the categories and the severities, and
/// validate every built-in rule and tests file against them (JsonSchema.Net, draft 2020-12).
/// </summary>
public sealed class RuleSchemaTests
{
    private const string RuleSchemaLine = "# yaml-language-server: $schema=../../schemas/rule.schema.json";
    private const string TestsSchemaLine = "# yaml-language-server: $schema=../../schemas/rule-tests.schema.json";

    private static readonly Lazy<JsonObject> RuleSchemaJson = new(() => Load("rule.schema.json"));
    private static readonly Lazy<JsonSchema> RuleSchema = new(() => JsonSchema.FromText(RuleSchemaJson.Value.ToJsonString()));
    private static readonly Lazy<JsonSchema> TestsSchema = new(() => JsonSchema.FromText(Load("rule-tests.schema.json").ToJsonString()));

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", name)))!.AsObject();

    private static JsonObject Properties(JsonNode node) => node["properties"]!.AsObject();

    private static string[] Names(JsonObject o) => [.. o.Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static string[] Sorted(IEnumerable<string> items) => [.. items.Order(StringComparer.Ordinal)];

    private static string[] Enum(JsonNode node) => Sorted(node["enum"]!.AsArray().Select(v => v!.GetValue<string>()));

    [Fact]
    public void Top_level_properties_are_the_loaders_fields() =>
        Assert.Equal(Sorted(RuleLoader.TopLevelFields), Names(Properties(RuleSchemaJson.Value)));

    [Fact]
    public void Nested_objects_are_the_loaders_fields()
    {
        var p = Properties(RuleSchemaJson.Value);
        Assert.Equal(Sorted(RuleLoader.EscalationFields), Names(Properties(p["escalate"]!["items"]!)));
        Assert.Equal(Sorted(RuleLoader.OptionFields), Names(Properties(p["options"]!["additionalProperties"]!)));
        Assert.Equal(Sorted(RuleLoader.RemediationFields), Names(Properties(p["remediation"]!)));
    }

    [Fact]
    public void Scope_enum_is_the_scope_list() =>
        Assert.Equal(Sorted(Scopes.All.Select(s => s.Name)), Enum(Properties(RuleSchemaJson.Value)["scope"]!));

    [Fact]
    public void Category_enum_is_the_built_in_id_ranges() =>
        Assert.Equal(Sorted(RuleSources.Ranges([], new DiagnosticBag()).Categories.Keys), Enum(Properties(RuleSchemaJson.Value)["category"]!));

    [Fact]
    public void Severity_enum_holds_exactly_names_the_loader_parses()
    {
        var names = Enum(RuleSchemaJson.Value["$defs"]!["severity"]!);
        Assert.All(names, n => Assert.True(SeverityNames.TryParse(n, out _), n));
        foreach (var s in System.Enum.GetValues<Severity>())
            Assert.Contains(s.ToName(), names);
    }

    [Fact]
    public void Required_fields_are_what_the_compiler_requires()
    {
        var required = RuleSchemaJson.Value["required"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        var minimal = new Dictionary<string, string>
        {
            ["id"] = "TA9001", ["title"] = "Example", ["category"] = "custom", ["severity"] = "info", ["scope"] = "host",
            ["condition"] = "kernel >= \"5.4\"", ["message"] = "example",
        };
        Assert.Equal(Sorted(minimal.Keys), Sorted(required));
        Assert.Empty(CompileDiagnostics(minimal));
        foreach (var field in required)
        {
            var lines = CompileDiagnostics(minimal.Where(kv => kv.Key != field).ToDictionary());
            Assert.Contains(lines, l => l.Contains("TA0004") && l.Contains($"'{field}'"));
        }
    }

    private static string[] CompileDiagnostics(Dictionary<string, string> fields)
    {
        var yaml = string.Join("\n", fields.Select(kv => $"{kv.Key}: '{kv.Value}'")) + "\n";
        var set = RuleSet.Compile([new RuleFile("rules/custom/TA9001-example.yaml", yaml, _ => ("TA9001-example.md", "# help"))],
            RuleSources.Ranges([], new DiagnosticBag()), new DiagnosticBag());
        return [.. set.Diagnostics.Select(d => d.ToString())];
    }

    public static TheoryData<string> RuleFiles() => Files(f => RuleSources.IsRuleFileName(Path.GetFileName(f)));

    public static TheoryData<string> TestsFiles() => Files(f => f.EndsWith(".tests.yaml", StringComparison.Ordinal));

    private static TheoryData<string> Files(Func<string, bool> which)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(RepoPaths.Rules, "*.yaml", SearchOption.AllDirectories).Where(which).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoPaths.Rules, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Built_in_rule_file_names_and_matches_the_schema(string relative) =>
        AssertValid(relative, RuleSchemaLine, RuleSchema.Value);

    [Theory]
    [MemberData(nameof(TestsFiles))]
    public void Built_in_tests_file_names_and_matches_the_tests_schema(string relative) =>
        AssertValid(relative, TestsSchemaLine, TestsSchema.Value);

    private static void AssertValid(string relative, string schemaLine, JsonSchema schema)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Rules, relative));
        Assert.Equal(schemaLine, text.Split('\n')[0].TrimEnd('\r'));
        var errors = Validate(text, relative, schema);
        Assert.True(errors.Count == 0, $"{relative}:\n{string.Join("\n", errors)}");
    }

    private static List<string> Validate(string yaml, string name, JsonSchema schema)
    {
        var bag = new DiagnosticBag();
        var root = YamlTreeReader.Read(yaml, name, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.ToImmutableSorted()));
        using var json = System.Text.Json.JsonDocument.Parse(YamlJson.Convert(root!)?.ToJsonString() ?? "null");
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        // The list output also holds the failed branches of an anyOf that passed elsewhere; it is only read when invalid.
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    [Fact]
    public void The_schema_rejects_an_unknown_field_a_bad_id_and_a_wrong_scope()
    {
        var errors = Validate("""
            id: TA12
            title: x
            category: listen
            severity: warning
            scope: hosts
            condition: 'true'
            message: x
            severty: warning
            """, "bad.yaml", RuleSchema.Value);
        Assert.Contains(errors, e => e.StartsWith("/id:", StringComparison.Ordinal) && e.Contains("pattern"));
        Assert.Contains(errors, e => e.StartsWith("/scope:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/severty:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tests_schema_rejects_a_misspelt_fragment_field()
    {
        var errors = Validate("""
            cases:
              - name: typo
                snapshot:
                  listeners:
                    - { protocol: tcp, local: "0.0.0.0:80", recvq: 5 }
                expect: []
            """, "bad.tests.yaml", TestsSchema.Value);
        Assert.Contains(errors, e => e.StartsWith("/cases/0/snapshot/listeners/0/recvq:", StringComparison.Ordinal));
    }
}
