using System.Text.Json;
using Snapshooter.Xunit;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Tests.Reporting;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Json_report_matches_the_approved_snapshot() =>
        Snapshot.Match(new JsonReportWriter().Write(ReportFixture.Result()));

    [Fact]
    public void Json_report_has_the_same_findings_as_the_analysis()
    {
        var result = ReportFixture.Result();
        using var doc = JsonDocument.Parse(new JsonReportWriter().Write(result));
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()).ToArray();
        Assert.Equal(result.Findings.Select(f => f.Fingerprint), findings);
        Assert.Equal("error", doc.RootElement.GetProperty("findings")[1].GetProperty("severity").GetString());
    }
}
