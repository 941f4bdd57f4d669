using TuneAdvisor.Reporting;

namespace TuneAdvisor.Drift;

/// <summary>The human diff, rendered through templates/diff.md.scriban.</summary>
public sealed class DiffMarkdownWriter : IDiffWriter
{
    public string Format => "md";

    public string Write(SnapshotDiff diff) => TemplateRenderer.Render("diff.md.scriban", DiffReportModel.Build(diff), TemplateEscaping.Markdown);
}
