using System.Text;
using System.Text.Json;
using Json.Schema;
using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Tests.Reporting;

namespace TuneAdvisor.Tests.Baselines;

/// <summary>schemas/baseline.schema.json and BaselineReader agree: what the writer writes passes both, and a mistake fails both.</summary>
public sealed class BaselineSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "baseline.schema.json"))));

    private static bool SchemaAccepts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }

    private static bool ReaderAccepts(string json) => BaselineReader.Parse(Encoding.UTF8.GetBytes(json), "base.json", new DiagnosticBag()) is not null;

    [Fact]
    public void A_written_baseline_is_valid_for_the_schema_and_the_reader()
    {
        var json = BaselineWriter.Serialize(BaselineFile.Of(ReportFixture.Result().Findings, "0.1.0", ReportFixture.Now));
        Assert.True(SchemaAccepts(json));
        Assert.True(ReaderAccepts(json));
    }

    [Theory]
    [InlineData("{ \"findings\": [] }")]
    [InlineData("{ \"formatVersion\": 2, \"findings\": [] }")]
    [InlineData("{ \"formatVersion\": 1 }")]
    [InlineData("{ \"formatVersion\": 1, \"findings\": [ { \"ruleId\": \"TA1001\" } ] }")]
    [InlineData("{ \"formatVersion\": 1, \"findings\": [ { \"ruleId\": \"TA1001\", \"subject\": \"\" } ] }")]
    [InlineData("{ \"formatVersion\": 1, \"findings\": [ { \"ruleId\": \"TA1001\", \"subject\": \"host\", \"severity\": \"fatal\" } ] }")]
    [InlineData("{ \"formatVersion\": 1, \"createdAt\": \"yesterday\", \"findings\": [] }")]
    public void A_mistake_the_reader_rejects_is_rejected_by_the_schema_too(string json)
    {
        Assert.False(SchemaAccepts(json));
        Assert.False(ReaderAccepts(json));
    }
}
