using System.Text.RegularExpressions;
using Snapshooter.Xunit;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public void Html_report_matches_the_approved_snapshot() =>
        Snapshot.Match(new HtmlReportWriter().Write(ReportFixture.Result()));

    [Fact]
    public void Html_report_with_a_waiver_and_diagnostics_matches_the_approved_snapshot() =>
        Snapshot.Match(new HtmlReportWriter().Write(ReportFixtures.Rich()));

    [Fact]
    public void Html_report_writes_to_the_file_given_in_the_environment_for_a_visual_check()
    {
        // Set TUNEADVISOR_HTML_PREVIEW=/tmp/r.html to look at the page in a browser; otherwise only checks it renders.
        var html = new HtmlReportWriter().Write(ReportFixtures.Rich());
        if (Environment.GetEnvironmentVariable("TUNEADVISOR_HTML_PREVIEW") is { Length: > 0 } path)
            File.WriteAllText(path, html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.EndsWith("</html>\n", html);
    }

    [Fact]
    public void Html_shows_findings_then_waived_each_by_severity_with_evidence_and_fix()
    {
        var html = new HtmlReportWriter().Write(ReportFixtures.Rich());
        var findings = html.IndexOf("> Findings</h3>", StringComparison.Ordinal);
        var waived = html.IndexOf("> Waived</h3>", StringComparison.Ordinal);
        Assert.True(findings > 0 && waived > findings, "findings, then the waived section");
        var firstWarning = html.IndexOf("<article class=\"finding sev-warning", StringComparison.Ordinal);
        var lastError = html.LastIndexOf("<article class=\"finding sev-error", StringComparison.Ordinal);
        Assert.True(lastError > findings && firstWarning > lastError && waived > firstWarning, "errors first, then warnings");
        Assert.Contains("<article class=\"finding sev-info suppressed\">", html[waived..]);   // TA1003, the only info finding, is waived
        Assert.Contains("<td class=\"dim\">/proc/sys/net/core/somaxconn</td>", html);
        Assert.Contains("sysctl -w net.core.somaxconn=4096\n", html);
        Assert.Contains("net.core.somaxconn = 4096\n", html);
        Assert.Contains("<strong>Waiver:</strong> overflows before the 2026-11 fix (approved by sre-team)", html);
        Assert.Contains("<td class=\"mono\">etc/sysctl.d/60-net.conf(7,1)</td>", html);
    }

    [Fact]
    public void Html_is_self_contained()
    {
        var html = new HtmlReportWriter().Write(ReportFixtures.Rich());
        AssertSelfContained(html);
        // The built-in TA1001 cites a web page: it must appear, and only as a link.
        Assert.Contains("<a href=\"https://docs.kernel.org/networking/ip-sysctl.html\" rel=\"noopener noreferrer\">", html);
    }

    [Fact]
    public void Every_value_is_escaped()
    {
        const string evil = "<x-evil a=\"1\">&amp;'";
        var r = ReportFixtures.Rich();
        r = r with
        {
            Snapshot = r.Snapshot with { Host = r.Snapshot.Host with { Hostname = evil, Kernel = evil, OsRelease = evil } },
            Findings = [.. r.Findings.Select(f => f with
            {
                Title = evil, Subject = evil, Message = evil, RulePath = evil, HelpPath = evil,
                Evidence = [.. f.Evidence.Select(e => new TuneAdvisor.Evaluation.Evidence(evil, evil, evil))],
                Remediation = f.Remediation is null ? null : new TuneAdvisor.Rules.Fix(evil, [new TuneAdvisor.Rules.SysctlSetting("net.core.somaxconn", evil)], [evil], [evil]),
                Suppression = f.Suppression is null ? null : new TuneAdvisor.Evaluation.Suppression(evil, evil),
            })],
            Outcomes = [.. r.Outcomes.Select(o => o with { Subject = evil, Reason = evil })],
            Rules = [.. r.Rules.Select(d => d with { Title = evil, HelpText = evil, References = [evil, "https://x.example/\"><x-evil>"] })],
            Diagnostics = [.. r.Diagnostics.Select(d => d with { Message = evil })],
        };
        var html = new HtmlReportWriter().Write(r);
        Assert.DoesNotContain("<x-evil", html);
        Assert.Contains("&lt;x-evil a=&quot;1&quot;&gt;&amp;amp;&#39;", html);
        Assert.True(Regex.Count(html, "&lt;x-evil") > 30, "the marker went through most fields");
        AssertSelfContained(html);
    }

    [Fact]
    public void Empty_result_says_there_are_no_findings()
    {
        var html = new HtmlReportWriter().Write(ReportFixtures.Empty());
        Assert.Contains("No findings: every rule that could be evaluated passed.", html);
        Assert.DoesNotContain("id=\"rules\"", html);
        AssertSelfContained(html);
    }

    /// <summary>No tag that loads anything; any URL only as an &lt;a href&gt;; CSS without url() or @import.</summary>
    internal static void AssertSelfContained(string html)
    {
        foreach (var tag in new[] { "<script", "<link", "<img", "<iframe", "<object", "<embed", "<video", "<audio", "<source", "<form", "<base" })
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEmpty(style);
        Assert.DoesNotContain("url(", style, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", style, StringComparison.OrdinalIgnoreCase);
        foreach (Match tag in Tag().Matches(html))
        {
            foreach (Match attr in Attribute().Matches(tag.Groups["attrs"].Value))
            {
                var name = attr.Groups["name"].Value.ToLowerInvariant();
                var value = attr.Groups["value"].Value;
                Assert.False(name.StartsWith("on", StringComparison.Ordinal), $"event handler in {tag.Value}");
                Assert.False(name is "src" or "srcset" or "style" or "action" or "data" or "poster", $"loading attribute in {tag.Value}");
                if (name == "href")
                {
                    Assert.Equal("a", tag.Groups["name"].Value.ToLowerInvariant());
                    Assert.True(value.StartsWith('#') || value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal), $"href {value}");
                }
                else if (name != "content")
                {
                    Assert.DoesNotContain("://", value);
                }
            }
        }
    }

    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[a-zA-Z-]+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex Attribute();

    [Fact]
    public void An_so_reuseport_group_is_listed_with_its_full_member()
    {
        var html = new HtmlReportWriter().Write(ReportFixture.Result(fragment: ReportFixture.ReuseportFragment));
        Assert.Contains("<h2>Listeners sharing one address (SO_REUSEPORT)</h2>", html);
        Assert.Contains("<strong>4 sockets on tcp <span class=\"mono\">0.0.0.0:8443</span></strong> (nginx): 1 of them with findings: #3 TA1002 error</li>", html);
    }
}
