namespace TuneAdvisor.Evaluation;

/// <summary>
/// A finding compared with the baseline the run was given (<c>--baseline</c>): in it by fingerprint, or not. A
/// baseline entry no finding matches is fixed (absent), listed beside the findings rather than as one.
/// </summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: the gate counts it (unless a waiver covers it).</summary>
    New,
    /// <summary>In the baseline: reported, but the gate does not count it.</summary>
    Unchanged,
}
