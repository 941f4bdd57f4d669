using System.Text.Json;
using Json.Schema;
using Snapshooter.Xunit;
using TuneAdvisor.Reporting;
using TuneAdvisor.Reporting.Sarif;

namespace TuneAdvisor.Tests.Reporting.Sarif;

public sealed class SarifReportWriterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0.json");
        var text = File.ReadAllText(path);
        Assert.Contains("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema", text);
        return JsonSchema.FromText(text);
    });

    [Fact]
    public void Sarif_report_matches_the_approved_snapshot() =>
        Snapshot.Match(new SarifReportWriter().Write(ReportFixture.Result()));

    [Fact]
    public void Sarif_of_a_run_with_waivers_diagnostics_and_file_sources_matches_the_approved_snapshot() =>
        Snapshot.Match(new SarifReportWriter().Write(ReportFixtures.Rich()));

    public static TheoryData<string> Cases() => ["fixture", "rich", "empty"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sarif_validates_against_the_sarif_2_1_0_schema(string which)
    {
        var result = which switch { "rich" => ReportFixtures.Rich(), "empty" => ReportFixtures.Empty(), _ => ReportFixture.Result() };
        using var doc = JsonDocument.Parse(new SarifReportWriter().Write(result));
        var evaluation = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.True(evaluation.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void The_schema_rejects_a_broken_log_so_validation_is_real()
    {
        var text = new SarifReportWriter().Write(ReportFixture.Result()).Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        Assert.False(Schema.Value.Evaluate(doc.RootElement).IsValid);
    }

    [Fact]
    public void Every_result_points_at_its_rule_and_carries_the_fingerprint()
    {
        var result = ReportFixtures.Rich();
        using var doc = JsonDocument.Parse(new SarifReportWriter().Write(result));
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(result.Findings.Length, results.Length);
        for (int i = 0; i < results.Length; i++)
        {
            var r = results[i];
            var f = result.Findings[i];
            Assert.Equal(f.RuleId, rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal(f.Fingerprint, r.GetProperty("partialFingerprints").GetProperty("tuneadvisor/v1").GetString());
            Assert.Equal(f.Subject, r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("name").GetString());
            Assert.Equal(f.Suppression is not null, r.TryGetProperty("suppressions", out _));
        }
    }

    [Fact]
    public void Waived_findings_have_an_external_suppression_with_the_justification()
    {
        using var doc = JsonDocument.Parse(new SarifReportWriter().Write(ReportFixtures.Rich()));
        var waived = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "TA1003");
        var s = waived.GetProperty("suppressions")[0];
        Assert.Equal("external", s.GetProperty("kind").GetString());
        Assert.Equal("waiver: overflows before the 2026-11 fix (approved by sre-team)", s.GetProperty("justification").GetString());
    }

    [Fact]
    public void Evidence_files_become_physical_locations_with_lines()
    {
        using var doc = JsonDocument.Parse(new SarifReportWriter().Write(ReportFixtures.Rich()));
        var r = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(x => x.GetProperty("ruleId").GetString() == "TA1001");
        Assert.Equal("file:///proc/sys/net/core/somaxconn", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var related = r.GetProperty("relatedLocations")[0].GetProperty("physicalLocation");
        Assert.Equal("etc/sysctl.d/60-net.conf", related.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SNAPSHOTROOT", related.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(3, related.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Diagnostics_become_tool_execution_notifications()
    {
        using var doc = JsonDocument.Parse(new SarifReportWriter().Write(ReportFixtures.Rich()));
        var notes = doc.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications");
        Assert.Equal(["TA0203", "TA0201"], notes.EnumerateArray().Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()));
        Assert.Equal(7, notes[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.False(doc.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Theory]
    [InlineData("/proc/sys/net/core/somaxconn", "/proc/sys/net/core/somaxconn", null)]
    [InlineData("etc/sysctl.d/60-x.conf:3", "etc/sysctl.d/60-x.conf", 3)]
    [InlineData("sysctl_-a:412", "sysctl_-a", 412)]
    [InlineData("ss_-peaonmi line 12", "ss_-peaonmi", 12)]
    [InlineData("kernel default (5.4+)", null, null)]
    [InlineData("test case", null, null)]
    [InlineData("default", null, null)]
    [InlineData("../../etc/shadow", null, null)]
    [InlineData("", null, null)]
    public void Sources_that_name_files_are_recognised(string source, string? path, int? line)
    {
        var parsed = SarifLocations.ParseSource(source);
        Assert.Equal(path, parsed?.Path);
        Assert.Equal(line, parsed?.Line);
    }
}
