using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Reporting;

/// <summary>Renders an audit in one format. Writers never decide the exit code.</summary>
public interface IReportWriter
{
    /// <summary>The --format name: md, html, json, sarif, junit.</summary>
    string Format { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string Extension { get; }

    string Write(AuditReport report);
}

/// <summary>Rendering an analysis on its own (tests, benchmarks): the report of it with the default gate.</summary>
public static class ReportWriterExtensions
{
    public static string Write(this IReportWriter writer, AnalysisResult result) => writer.Write(AuditReport.Of(result));
}
