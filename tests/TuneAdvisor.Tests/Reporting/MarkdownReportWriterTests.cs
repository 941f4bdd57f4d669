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
        Assert.Contains("sysctl -w net.core.somaxconn=4096", md);
        Assert.Contains("| TA1002 | listener tcp 0.0.0.0:25 | the backlog limit of tcp 0.0.0.0:25 is unknown", md);
    }

    [Fact]
    public void An_so_reuseport_group_is_shown_as_one_address_with_the_member_that_is_full()
    {
        var md = new MarkdownReportWriter().Write(ReportFixture.Result(fragment: ReportFixture.ReuseportFragment));
        Assert.Contains("## Listeners sharing one address (SO_REUSEPORT)", md);
        Assert.Contains("- **4 sockets on tcp 0.0.0.0:8443** (nginx): 1 of them with findings: #3 TA1002 error", md);
        Assert.Contains("**listener tcp 0.0.0.0:8443 #3**: tcp listener 0.0.0.0:8443 (nginx) has 512 connection(s) waiting", md);
        Assert.DoesNotContain("0.0.0.0:22", md[..md.IndexOf("## Findings", StringComparison.Ordinal)]);   // a single socket is no group
    }

    [Fact]
    public void A_report_without_reuseport_groups_has_no_such_section() =>
        Assert.DoesNotContain("SO_REUSEPORT", new MarkdownReportWriter().Write(ReportFixture.Result()));
}
