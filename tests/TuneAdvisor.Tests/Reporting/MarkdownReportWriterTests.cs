using Snapshooter.Xunit;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Tests.Reporting;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Markdown_report_of_a_fixed_snapshot_matches_the_approved_snapshot() =>
        Snapshot.Match(new MarkdownReportWriter().Write(ReportFixture.Result()));

    [Fact]
    public void Markdown_report_names_the_full_listener_and_its_fix()
    {
        var md = new MarkdownReportWriter().Write(ReportFixture.Result());
        Assert.Contains("### ERROR TA1002: A listener's accept queue is (nearly) full", md);
        Assert.Contains("**listener tcp 127.0.0.1:8080**: tcp listener 127.0.0.1:8080 (python3) has 9 connection(s) waiting", md);
        Assert.Contains("sysctl -w net.core.somaxconn=\"4096\"", md);
        Assert.Contains("| TA1002 | listener tcp 0.0.0.0:25 | the backlog limit of tcp 0.0.0.0:25 is unknown", md);
    }
}
