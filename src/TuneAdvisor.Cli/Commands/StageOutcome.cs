using TuneAdvisor.Reporting;

namespace TuneAdvisor.Cli.Commands;

/// <summary>What audit and diff both say on standard error about the stages of a run, and the exit code of a run that stopped.</summary>
internal static class StageOutcome
{
    public static void PolicyLine(string? policyPath, TextWriter stderr)
    {
        if (policyPath is { } policy)
            stderr.WriteLine($"tuneadvisor: policy {InertText.Escape(policy)}");
    }

    /// <summary>For a run that stopped before its result, one line saying why and its exit code; null when it completed.</summary>
    /// <param name="verb">"audited" or "compared".</param>
    /// <param name="source">What could not be read: "the input", "a snapshot".</param>
    public static int? Stopped(AuditOutcome outcome, StageDiagnostics diagnostics, string verb, string source, TextWriter stderr)
    {
        var (message, code) = outcome switch
        {
            AuditOutcome.RulesInvalid => ($"{diagnostics.Rules.Count(d => d.Severity == Diagnostics.Severity.Error)} error(s) in rule files", ExitCodes.InvalidInput),
            AuditOutcome.PolicyInvalid => ("the policy file has errors", ExitCodes.InvalidInput),
            AuditOutcome.BaselineInvalid => ("the baseline file cannot be used", ExitCodes.InvalidInput),
            AuditOutcome.SourceUnavailable => ($"{source} could not be read", ExitCodes.SourceUnavailable),
            _ => ((string?)null, 0),
        };
        if (message is null)
            return null;
        stderr.WriteLine($"tuneadvisor: {message}; nothing was {verb}");
        return code;
    }
}
