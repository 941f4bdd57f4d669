using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using Snapshooter.Xunit;
using TuneAdvisor.Reporting;
using TuneAdvisor.Reporting.JUnit;
using TuneAdvisor.Reporting.Sarif;

namespace TuneAdvisor.Tests.Reporting;

/// <summary>
/// Every format with a baseline (<see cref="BaselinedReport"/>): the human ones in sections new, unchanged, waived,
/// fixed, each by severity; JSON with baselineState and the fixed list; SARIF with result.baselineState and absent
/// results for the fixed; JUnit with baselined findings skipped, so CI shows only the new one as a failure.
/// </summary>
public sealed class BaselineReportTests
{
    private static readonly AuditReport Report = BaselinedReport.Create();

    [Fact]
    public void Markdown_report_with_a_baseline_matches_the_approved_snapshot() =>
        Snapshot.Match(new MarkdownReportWriter().Write(Report));

    [Fact]
    public void Markdown_puts_new_unchanged_waived_and_fixed_in_that_order_each_by_severity()
    {
        var md = new MarkdownReportWriter().Write(Report);
        var headings = md.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal) || l.StartsWith("- **", StringComparison.Ordinal))
            .TakeWhile(l => l != "## Not evaluated").ToArray();
        Assert.Equal(
        [
            "## New findings",
            "### ERROR TA1002: A listener's accept queue is (nearly) full",
            "## Unchanged (in the baseline)",
            "### ERROR TA1001: net.core.somaxconn is below the recommended minimum",
            "### ERROR TA1005: Accept queues overflowed during the sampling window",
            "### WARNING TA1013: A listener's backlog is capped by a low net.core.somaxconn",
            "### WARNING TA1016: A listener's backlog is small for its load",
            "## Waived",
            "### INFO TA1003: Accept queues have overflowed since boot",
            "## Fixed (in the baseline, not found now)",
        ], headings[..^1]);
        Assert.StartsWith("- **WARNING ", headings[^1], StringComparison.Ordinal);
        Assert.Contains($"| Baseline | `{BaselinedReport.Path}` (2026-10-25 12:00:00 UTC, TuneAdvisor 0.0.9) |", md);
        Assert.Contains("**6 finding(s)**: 1 new (1 error, 0 warning, 0 info), 4 unchanged, 1 waived; 1 fixed since the baseline, 1 not checked.", md);
        Assert.Contains("Not checked in this run (1 in the baseline whose rule did not run", md);
    }

    [Fact]
    public void Markdown_without_a_baseline_has_findings_then_waived()
    {
        var md = new MarkdownReportWriter().Write(ReportFixtures.Rich());
        Assert.True(md.IndexOf("## Findings\n", StringComparison.Ordinal) < md.IndexOf("## Waived\n", StringComparison.Ordinal));
        Assert.DoesNotContain("## New findings", md);
        Assert.DoesNotContain("Baseline", md);
    }

    [Fact]
    public void Html_has_the_same_sections_in_the_same_order()
    {
        var html = new HtmlReportWriter().Write(Report);
        var order = new[] { "id=\"findings-new\"", "id=\"findings-unchanged\"", "id=\"findings-waived\"", "id=\"findings-fixed\"" }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("<span class=\"badge\">in baseline</span>", html);
        HtmlReportWriterTests.AssertSelfContained(html);
    }

    [Fact]
    public void Json_gives_each_finding_its_baseline_state_and_lists_the_fixed()
    {
        using var doc = JsonDocument.Parse(new JsonReportWriter().Write(Report));
        var root = doc.RootElement;
        var states = root.GetProperty("findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("ruleId").GetString()!, f => f.GetProperty("baselineState").GetString());
        Assert.Equal("new", states["TA1002"]);
        Assert.Equal("unchanged", states["TA1001"]);
        Assert.Equal("new", states["TA1003"]);   // waived, and not in the baseline (waived findings are never written to one)
        var baseline = root.GetProperty("baseline");
        Assert.Equal((BaselinedReport.Path, 1, 4, 1), (baseline.GetProperty("path").GetString(), baseline.GetProperty("new").GetInt32(),
            baseline.GetProperty("unchanged").GetInt32(), baseline.GetProperty("fixed").GetInt32()));
        Assert.Equal(1, baseline.GetProperty("notChecked").GetArrayLength());
        var fixedEntry = Assert.Single(root.GetProperty("fixed").EnumerateArray());
        Assert.EndsWith("|host", fixedEntry.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public void Json_without_a_baseline_has_no_baseline_members()
    {
        var json = new JsonReportWriter().Write(ReportFixtures.Rich());
        Assert.DoesNotContain("baselineState", json);
        Assert.DoesNotContain("\"baseline\"", json);
        Assert.DoesNotContain("\"fixed\"", json);
    }

    [Fact]
    public void Sarif_carries_baseline_state_and_an_absent_result_per_fixed_entry_and_stays_valid()
    {
        var text = new SarifReportWriter().Write(Report);
        using var doc = JsonDocument.Parse(text);
        var run = doc.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(Report.Analysis.Findings.Length + 1, results.Length);
        Assert.All(results, r => Assert.True(r.TryGetProperty("baselineState", out _)));
        Assert.Equal("new", results.Single(r => r.GetProperty("ruleId").GetString() == "TA1002").GetProperty("baselineState").GetString());
        Assert.Equal("unchanged", results.Single(r => r.GetProperty("ruleId").GetString() == "TA1001").GetProperty("baselineState").GetString());
        var absent = Assert.Single(results, r => r.GetProperty("baselineState").GetString() == "absent");
        Assert.Equal(("pass", "none"), (absent.GetProperty("kind").GetString(), absent.GetProperty("level").GetString()));
        Assert.True(absent.GetProperty("ruleIndex").GetInt32() >= 0);
        Assert.Equal(BaselinedReport.Path, run.GetProperty("properties").GetProperty("baseline").GetString());

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0.json")));
        Assert.True(schema.Evaluate(doc.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid);
    }

    [Fact]
    public void Sarif_without_a_baseline_has_no_baseline_state() =>
        Assert.DoesNotContain("baselineState", new SarifReportWriter().Write(ReportFixtures.Rich()));

    [Fact]
    public void JUnit_skips_findings_in_the_baseline_so_only_the_new_one_fails()
    {
        var xml = XDocument.Parse(new JUnitReportWriter().Write(Report));
        var failures = xml.Descendants("testcase").Where(c => c.Element("failure") is not null).ToArray();
        Assert.Equal("listener tcp 127.0.0.1:8080", Assert.Single(failures).Attribute("name")!.Value);
        var baselined = xml.Descendants("testcase").Single(c => c.Attribute("classname")!.Value.EndsWith(".TA1001", StringComparison.Ordinal));
        Assert.StartsWith("in baseline (error): ", baselined.Element("skipped")!.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Contains(xml.Descendants("property"), p => p.Attribute("name")!.Value == "baseline" && p.Attribute("value")!.Value == BaselinedReport.Path);
        Assert.Equal("1", xml.Root!.Attribute("failures")!.Value);
    }
}
