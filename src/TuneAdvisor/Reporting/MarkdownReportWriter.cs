
namespace TuneAdvisor.Reporting;

/// <summary>The Markdown report, rendered through templates/report.md.scriban.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "md";

    public string Extension => ".md";

    public string Write(AuditReport report) => TemplateRenderer.Render("report.md.scriban", ReportModel.Build(report), TemplateEscaping.Markdown);
}
