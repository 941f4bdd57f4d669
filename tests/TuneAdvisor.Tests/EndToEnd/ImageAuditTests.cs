using TuneAdvisor.Sources;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>An image root through the whole pipeline: findings name the configuration lines they come from.</summary>
public sealed class ImageAuditTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task Nginx_backlog_above_the_images_somaxconn_is_reported_with_both_configuration_lines_as_evidence()
    {
        _tree.File("usr/lib/sysctl.d/50-vendor.conf", "net.core.somaxconn = 4096")
            .File("etc/sysctl.d/60-web.conf", "# web tier", "net.core.somaxconn = 128")
            .File("etc/nginx/nginx.conf", "events {}", "http {", "  server {", "    listen 80 backlog=4096;", "  }", "}")
            .Dir("usr/lib/modules/6.1.0-18-amd64/kernel");
        var audit = await Advisor.AuditAsync(new AuditRequest { Source = new SnapshotRequest { ImageRoot = _tree.Root } }, Audits.At(Now), null, CancellationToken.None);
        var result = audit.Report!.Analysis;

        var finding = Assert.Single(result.Findings, f => f.RuleId == "TA1014");
        Assert.Equal("app nginx *:80", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Expression == "app.backlog" && e.Value == "4096" && e.Source == "etc/nginx/nginx.conf:4");
        Assert.Contains(finding.Evidence, e => e.Expression == "sysctl(\"net.core.somaxconn\")" && e.Value == "128" && e.Source == "etc/sysctl.d/60-web.conf:2");
    }
}
