using System.Collections.Immutable;

namespace TuneAdvisor.Reporting;

/// <summary>The report formats, listed explicitly (no assembly scanning, so the tool trims and AOT-compiles).</summary>
public static class ReportWriterRegistry
{
    public static ImmutableArray<IReportWriter> All { get; } =
    [
        new MarkdownReportWriter(),
        new HtmlReportWriter(),
        new JsonReportWriter(),
        new Sarif.SarifReportWriter(),
        new JUnit.JUnitReportWriter(),
    ];

    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> Formats => All.Select(w => w.Format);
}
