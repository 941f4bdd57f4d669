using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Policy;

/// <summary>
/// An accepted finding: a rule id and a subject pattern ("*" or a prefix ending in "*"), with the justification,
/// who approved it and when it expires. An expired waiver stops applying and says so.
/// </summary>
public sealed record Waiver(string RuleId, string Subject, string Justification, string? Approver, DateTimeOffset? Expires, SourceSpan Location)
{
    /// <summary>The change or incident ticket that tracks the accepted risk (OPS-123), shown with the justification.</summary>
    public string? Ticket { get; init; }

    public bool Matches(Finding finding)
    {
        if (!string.Equals(RuleId, finding.RuleId, StringComparison.Ordinal))
            return false;
        if (Subject is "" or "*")
            return true;
        return Subject.EndsWith('*')
            ? finding.Subject.StartsWith(Subject[..^1], StringComparison.Ordinal)
            : string.Equals(Subject, finding.Subject, StringComparison.Ordinal);
    }

    public string Describe() =>
        Justification + (Ticket is null ? "" : $" [{Ticket}]") + (Approver is null ? "" : $" (approved by {Approver})")
        + (Expires is { } e ? $", until {WaiverExpiry.Format(e)}" : "");
}
