using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Reporting;

/// <summary>Renders an analysis in one format. Writers never decide the exit code.</summary>
public interface IReportWriter
{
    /// <summary>The --format name: md, html, json, sarif, junit.</summary>
    string Format { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string Extension { get; }

    string Write(AnalysisResult result);
}
