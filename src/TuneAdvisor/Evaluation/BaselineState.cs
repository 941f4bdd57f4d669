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

public static class BaselineStateNames
{
    /// <summary>"new" or "unchanged", as the reports (and SARIF's result.baselineState) spell them.</summary>
    public static string ToName(this BaselineState state) => state switch
    {
        BaselineState.New => "new",
        BaselineState.Unchanged => "unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
