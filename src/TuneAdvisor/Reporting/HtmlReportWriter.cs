
namespace TuneAdvisor.Reporting;

/// <summary>
/// The HTML report, rendered through templates/report.html.scriban and its _partials. Self-contained: inline CSS,
/// no script, no external resource (a Content-Security-Policy meta tag forbids loading any); every value is
/// HTML-escaped by the template.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public string Format => "html";

    public string Extension => ".html";

    public string Write(AuditReport report) => TemplateRenderer.Render("report.html.scriban", ReportModel.Build(report), TemplateEscaping.Html);
}
