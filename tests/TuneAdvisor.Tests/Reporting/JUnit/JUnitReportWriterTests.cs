using System.Xml.Linq;
using Snapshooter.Xunit;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Reporting;
using TuneAdvisor.Reporting.JUnit;

namespace TuneAdvisor.Tests.Reporting.JUnit;

public sealed class JUnitReportWriterTests
{
    [Fact]
    public void JUnit_report_matches_the_approved_snapshot() =>
        Snapshot.Match(new JUnitReportWriter().Write(ReportFixture.Result()));

    [Fact]
    public void JUnit_report_with_a_waiver_and_diagnostics_matches_the_approved_snapshot() =>
        Snapshot.Match(new JUnitReportWriter().Write(ReportFixtures.Rich()));

    public static TheoryData<string> Cases() => ["fixture", "rich", "empty"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Counts_add_up_and_every_outcome_is_one_testcase(string which)
    {
        var result = which switch { "rich" => ReportFixtures.Rich(), "empty" => ReportFixtures.Empty(), _ => ReportFixture.Result() };
        var root = XDocument.Parse(new JUnitReportWriter().Write(result)).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        var cases = root.Descendants("testcase").ToArray();
        Assert.Equal(result.Outcomes.Length, cases.Length);
        AssertCounts(root, cases);
        foreach (var suite in root.Elements("testsuite"))
            AssertCounts(suite, suite.Elements("testcase").ToArray());
        var waived = result.Findings.Count(f => f.Suppression is not null);
        Assert.Equal(result.Count(OutcomeKind.Fail) - waived, cases.Count(c => c.Element("failure") is not null));
        Assert.Equal(result.Count(OutcomeKind.NotApplicable) + result.Count(OutcomeKind.NotEvaluated) + waived, cases.Count(c => c.Element("skipped") is not null));
        Assert.Equal(result.Count(OutcomeKind.Pass), cases.Count(c => !c.HasElements));
    }

    [Fact]
    public void A_finding_fails_with_its_severity_message_evidence_and_fix()
    {
        var root = XDocument.Parse(new JUnitReportWriter().Write(ReportFixture.Result())).Root!;
        var suite = root.Elements("testsuite").Single(s => s.Attribute("name")!.Value.StartsWith("TA1001:", StringComparison.Ordinal));
        var testcase = suite.Elements("testcase").Single();
        Assert.Equal("tuneadvisor.listen.TA1001", testcase.Attribute("classname")!.Value);
        Assert.Equal("host", testcase.Attribute("name")!.Value);
        var failure = testcase.Element("failure")!;
        Assert.Equal("error", failure.Attribute("type")!.Value);
        Assert.StartsWith("net.core.somaxconn is 128, below 1024", failure.Attribute("message")!.Value);
        Assert.Contains("  sysctl(\"net.core.somaxconn\") = 128  (test case)\n", failure.Value);
        Assert.Contains("  sysctl -w net.core.somaxconn=4096\n", failure.Value);
        Assert.Contains("  net.core.somaxconn = 4096\n", failure.Value);
    }

    [Fact]
    public void Not_evaluated_and_waived_outcomes_are_skipped_with_the_reason()
    {
        var root = XDocument.Parse(new JUnitReportWriter().Write(ReportFixtures.Rich())).Root!;
        var skipped = root.Descendants("testcase").Where(c => c.Element("skipped") is not null)
            .ToDictionary(c => c.Attribute("classname")!.Value + " " + c.Attribute("name")!.Value, c => c.Element("skipped")!.Attribute("message")!.Value);
        Assert.Equal("waiver: overflows before the 2026-11 fix (approved by sre-team)", skipped["tuneadvisor.listen.TA1003 host"]);
        Assert.StartsWith("not evaluated: the backlog limit of tcp 0.0.0.0:25 is unknown", skipped["tuneadvisor.listen.TA1002 listener tcp 0.0.0.0:25"]);
        Assert.Contains("etc/sysctl.d/60-net.conf(7,1): warning TA0203", root.Descendants("system-err").Single().Value);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_escaped_visibly_or_replaced_not_thrown()
    {
        var r = ReportFixture.Result();
        r = r with { Findings = [.. r.Findings.Select(f => f with { Message = "bell\u0007 and nul\0 <&> lone \ud800" })] };
        var doc = XDocument.Parse(new JUnitReportWriter().Write(r));
        Assert.Contains(doc.Descendants("failure"), f => f.Attribute("message")!.Value == "bell\\x07 and nul\\x00 <&> lone \uFFFD");
    }

    private static void AssertCounts(XElement element, XElement[] cases)
    {
        Assert.Equal(cases.Length, int.Parse(element.Attribute("tests")!.Value));
        Assert.Equal(cases.Count(c => c.Element("failure") is not null), int.Parse(element.Attribute("failures")!.Value));
        Assert.Equal(cases.Count(c => c.Element("skipped") is not null), int.Parse(element.Attribute("skipped")!.Value));
        Assert.Equal(0, int.Parse(element.Attribute("errors")!.Value));
    }
}
