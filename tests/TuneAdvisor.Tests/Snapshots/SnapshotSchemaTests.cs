using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.Time.Testing;
using TuneAdvisor.Collection;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Snapshots;

/// <summary>schemas/snapshot.schema.json against what SnapshotJson writes: valid, and declaring exactly the properties written.</summary>
public class SnapshotSchemaTests
{
    private static readonly string[] AddedLater = ["closedConnections"];

    private static readonly string SchemaPath = Path.Combine(RepoPaths.Root, "schemas", "snapshot.schema.json");

    // Built once: the library registers a schema by its $id and refuses a second registration.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static EvaluationResults Validate(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));

    [Fact]
    public void A_fully_populated_snapshot_is_valid()
    {
        var results = Validate(SnapshotJson.Serialize(FullSnapshot.Create()));
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void The_fully_populated_snapshot_really_sets_every_property()
    {
        using var doc = JsonDocument.Parse(SnapshotJson.Serialize(FullSnapshot.Create()));
        var holes = new List<string>();
        Walk(doc.RootElement, "$", holes);
        Assert.Empty(holes);

        static void Walk(JsonElement e, string at, List<string> holes)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Null:
                    holes.Add(at + " is null");
                    break;
                case JsonValueKind.Object:
                    if (!e.EnumerateObject().Any())
                        holes.Add(at + " is empty");
                    foreach (var p in e.EnumerateObject())
                        Walk(p.Value, $"{at}.{p.Name}", holes);
                    break;
                case JsonValueKind.Array:
                    if (e.GetArrayLength() == 0)
                        holes.Add(at + " is empty");
                    int i = 0;
                    foreach (var item in e.EnumerateArray())
                        Walk(item, $"{at}[{i++}]", holes);
                    break;
            }
        }
    }

    [Fact]
    public void The_schema_declares_exactly_the_properties_SnapshotJson_writes()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        using var doc = JsonDocument.Parse(SnapshotJson.Serialize(FullSnapshot.Create()));
        var mismatches = new List<string>();
        Compare(schema.RootElement, schema.RootElement, doc.RootElement, "$", mismatches);
        Assert.Empty(mismatches);

        static void Compare(JsonElement root, JsonElement s, JsonElement value, string at, List<string> mismatches)
        {
            s = Resolve(root, s);
            if (s.TryGetProperty("anyOf", out var anyOf))
            {
                foreach (var branch in anyOf.EnumerateArray())
                {
                    var b = Resolve(root, branch);
                    if (b.TryGetProperty("$ref", out _) || b.TryGetProperty("properties", out _))
                        Compare(root, b, value, at, mismatches);
                }
                return;
            }
            if (value.ValueKind == JsonValueKind.Object && s.TryGetProperty("properties", out var props))
            {
                var declared = props.EnumerateObject().Select(p => p.Name).ToHashSet();
                var written = value.EnumerateObject().Select(p => p.Name).ToHashSet();
                foreach (var name in written.Except(declared))
                    mismatches.Add($"{at}.{name} is written but not declared");
                foreach (var name in declared.Except(written))
                    mismatches.Add($"{at}.{name} is declared but not written");
                // Unknown (null) values are left out, so exactly the properties that cannot be null are required.
                var required = s.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToHashSet();
                var notNullable = props.EnumerateObject().Where(p => !Nullable(root, p.Value)).Select(p => p.Name).ToHashSet();
                // Lists added to version 2 after files of it were written are optional and read as empty when absent.
                notNullable.ExceptWith(AddedLater);
                if (!required.SetEquals(notNullable))
                    mismatches.Add($"{at}: 'required' differs from the properties that cannot be null");
                foreach (var p in value.EnumerateObject())
                    if (props.TryGetProperty(p.Name, out var ps))
                        Compare(root, ps, p.Value, $"{at}.{p.Name}", mismatches);
            }
            else if (value.ValueKind == JsonValueKind.Object && s.TryGetProperty("additionalProperties", out var each) && each.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in value.EnumerateObject())
                    Compare(root, each, p.Value, $"{at}[{p.Name}]", mismatches);
            }
            else if (value.ValueKind == JsonValueKind.Array && s.TryGetProperty("items", out var items))
            {
                foreach (var item in value.EnumerateArray())
                    Compare(root, items, item, $"{at}[]", mismatches);
            }
        }

        static bool Nullable(JsonElement root, JsonElement s) =>
            s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == "null")
            || s.TryGetProperty("anyOf", out var any) && any.EnumerateArray().Any(b => b.TryGetProperty("type", out var bt) && bt.GetString() == "null");

        static JsonElement Resolve(JsonElement root, JsonElement s) =>
            s.TryGetProperty("$ref", out var r) ? root.GetProperty("$defs").GetProperty(r.GetString()!["#/$defs/".Length..]) : s;
    }

    [Fact]
    public void A_snapshot_of_unknowns_is_valid()
    {
        var empty = new SystemSnapshot { Source = new SnapshotSource("raw", "x", [], []), Host = new HostInfo() };
        var results = Validate(SnapshotJson.Serialize(empty));
        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData("\"recvQ\": 0,", "\"recvQ\": \"zero\",")]
    [InlineData("\"protocol\": \"tcp\",\n      \"local\"", "\"protocol\": \"sctp\",\n      \"local\"")]
    [InlineData("\"rxBytes\": 1,", "\"rxBytes\": 1, \"rxSurprise\": 2,")]
    [InlineData("\"schemaVersion\": 2,", "")]
    [InlineData("\"schemaVersion\": 2,", "\"schemaVersion\": 3,")]
    [InlineData("\"protocol\": \"tcp\",\n      \"local\"", "\"local\"")]
    [InlineData("\"Sysctls\",", "\"Sysctl\",")]
    [InlineData("\"capturedAt\": \"2026-11-25T00:00:00+00:00\"", "\"capturedAt\": \"yesterday\"")]
    public void A_broken_snapshot_is_invalid(string from, string to)
    {
        var json = SnapshotJson.Serialize(FullSnapshot.Create(), indented: true);
        Assert.Contains(from, json);
        Assert.False(Validate(json.Replace(from, to)).IsValid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compact_and_indented_output_are_both_valid(bool indented)
    {
        var results = Validate(SnapshotJson.Serialize(FullSnapshot.Create(), indented));
        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData("full-v1.json")]
    [InlineData("unknowns-v1.json")]
    public void Version_1_files_are_still_valid(string file)
    {
        var results = Validate(TestFiles.Read("Snapshots", file));
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public async Task A_snapshot_collected_from_a_fixture_tree_is_valid()
    {
        using var tree = new TempTree();
        tree.Write("proc/net/dev", TestFiles.Read("Proc", "kernel-6.18-host", "dev"));
        tree.Write("proc/net/netstat", TestFiles.Read("Proc", "kernel-6.18-host", "netstat"));
        tree.Write("proc/net/softnet_stat", TestFiles.Read("Proc", "kernel-6.18-host", "softnet_stat"));
        tree.Write("proc/sys/net/core/somaxconn", "4096\n");
        tree.Write("sys/class/net/eth0/speed", "-1\n");
        var context = new CollectionContext
        {
            ProcRoot = tree.PathOf("proc"), SysRoot = tree.PathOf("sys"), ConfigRoot = tree.Root,
            Time = new FakeTimeProvider(), UseNetlink = false, MapProcesses = false,
        };
        var (snapshot, _) = await HostCollection.CollectAsync(context, TimeSpan.Zero);

        var results = Validate(SnapshotJson.Serialize(snapshot));
        Assert.True(results.IsValid, Errors(results));
        Assert.NotEmpty(snapshot.Notes);
    }
}
