using System.Text.Json;
using System.Xml.Linq;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Tests.Reporting;

/// <summary>
/// Issue #14: Markdown and HTML reports were cut silently at 1 048 576 characters (Scriban's default output limit),
/// so HTML lost its closing tags and a finding in JSON was missing from the Markdown. A 2 MB value in a finding, in
/// every format, must come out whole, with everything after it.
/// </summary>
public sealed class LargeReportTests
{
    private static readonly string Big = "start-" + string.Concat(Enumerable.Range(0, 250_000).Select(i => (i % 100_000).ToString("D5") + "-a-b")) + "-end";

    private static AuditReport Report()
    {
        var r = ReportFixture.Result();
        var first = r.Findings[0];
        return AuditReport.Of(r with { Findings = [.. r.Findings.Select(f => f == first ? f with { Message = Big } : f)] });
    }

    public static TheoryData<string> Formats() => [.. ReportWriterRegistry.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_two_megabyte_value_comes_out_whole_with_the_rest_of_the_report_after_it(string format)
    {
        Assert.True(Big.Length > 2_000_000);
        var report = Report();
        var text = ReportWriterRegistry.Find(format)!.Write(report);
        Assert.Contains(Big, text);
        var last = report.Analysis.Findings[^1];
        switch (format)
        {
            case "md":
                Assert.Contains($"### {last.Severity.ToString().ToUpperInvariant()} {last.RuleId}: {last.Title}", text);
                Assert.EndsWith("|\n", text);   // the last table (listeners) is there to its last row
                Assert.Contains("| tcp | 0.0.0.0:25 |", text);
                break;
            case "html":
                Assert.Contains(last.Fingerprint, text);
                Assert.EndsWith("</html>\n", text);
                break;
            case "json" or "sarif":
                using (var doc = JsonDocument.Parse(text))
                    Assert.Contains(Big, doc.RootElement.GetRawText());
                break;
            case "junit":
                Assert.Contains(XDocument.Parse(text).Descendants().Attributes(), a => a.Value.Contains(Big));
                break;
            default:
                Assert.Fail($"no completeness check for the '{format}' format");
                break;
        }
    }
}
