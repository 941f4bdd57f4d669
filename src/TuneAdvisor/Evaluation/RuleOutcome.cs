
namespace TuneAdvisor.Evaluation;

public enum OutcomeKind
{
    /// <summary>The condition held: a finding.</summary>
    Fail,
    /// <summary>The condition was evaluated and did not hold.</summary>
    Pass,
    /// <summary>The rule cannot apply to this source (an image has no counters) or kernel.</summary>
    NotApplicable,
    /// <summary>The condition depends on a value that is unknown for this subject.</summary>
    NotEvaluated,
}

/// <summary>The result of one rule for one subject (or for the whole rule, when its scope has no items).</summary>
public sealed record RuleOutcome(string RuleId, string Subject, OutcomeKind Kind, string? Reason);
