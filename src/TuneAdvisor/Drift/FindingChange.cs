using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Drift;

/// <summary>
/// A finding (by <see cref="Evaluation.Finding.Fingerprint"/>: rule id and subject) only one audit raised, or raised by
/// both at a different severity. <see cref="Note"/> says when the other audit could not have raised it: its rule was
/// not applicable to that snapshot's source, or not evaluated for that subject.
/// </summary>
public sealed record FindingChange(ChangeKind Kind, Finding? Before, Finding? After, string? Note = null)
{
    /// <summary>new, fixed or changed (its severity).</summary>
    public string Change => Kind switch { ChangeKind.Added => "new", ChangeKind.Removed => "fixed", _ => "changed" };

    /// <summary>The finding as the second audit raised it, or as the first did when it is fixed.</summary>
    public Finding Finding => After ?? Before!;
}
