using TuneAdvisor.Remediation;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Cli.Commands;

/// <summary>
/// Where an audit's result goes: diagnostics to standard error (each once), the report to a file or standard output,
/// the remediation bundle to a folder, the one-line summary; and the exit code, decided here and nowhere else.
/// </summary>
internal sealed record AuditOutput(IReportWriter Writer, string? ReportPath, string? RemediationDir, TextWriter Stdout, TextWriter Stderr)
{
    public int Deliver(AuditResult result)
    {
        StageOutcome.PolicyLine(result.PolicyPath, Stderr);
        if (result.Report?.Baseline is { } baseline)
            Stderr.WriteLine($"tuneadvisor: baseline {InertText.Escape(baseline.Path)} ({baseline.Baseline.Findings.Length} finding(s), {baseline.Baseline.CreatedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC)");
        Output.Diagnostics(result.Diagnostics.All, Stderr);
        if (StageOutcome.Stopped(result.Outcome, result.Diagnostics, "audited", "the input", Stderr) is { } stopped)
            return stopped;
        var report = result.Report!;
        if (!Output.Write(ReportPath, Writer.Write(report), Stdout, Stderr))
            return ExitCodes.InvalidInput;
        if (RemediationDir is { } dir)
        {
            try
            {
                RemediationBundleWriter.Write(report.Remediation, dir);
                Stderr.WriteLine($"tuneadvisor: remediation bundle written to {dir}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Stderr.WriteLine($"tuneadvisor: cannot write the remediation bundle to {dir}: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }
        if (result.WrittenBaseline is { } written)
            Stderr.WriteLine($"tuneadvisor: baseline of {written.Findings.Length} finding(s) written to {result.WrittenBaselinePath}");
        Stderr.WriteLine(Summary.Line(report));
        if (Output.HasErrors(result.Diagnostics.Baseline))
            return ExitCodes.InvalidInput;   // --write-baseline named a file that cannot be written (TA0353, printed above)
        return report.GateFails ? ExitCodes.Findings : ExitCodes.Success;
    }
}
