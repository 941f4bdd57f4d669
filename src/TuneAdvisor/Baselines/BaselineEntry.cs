using System.Text.Json.Serialization;

namespace TuneAdvisor.Baselines;

/// <summary>
/// One finding as a baseline records it: the fingerprint's parts (rule id and subject, all that matching reads) and,
/// for a reader of the file and of the "fixed" list, the severity it had then, its category and the rule's title.
/// Never the message or the numbers in it, which change from run to run.
/// </summary>
public sealed record BaselineEntry
{
    [JsonRequired] public string RuleId { get; init; } = "";
    [JsonRequired] public string Subject { get; init; } = "";
    /// <summary>The severity when the baseline was written ("error", "warning", "info").</summary>
    public string Severity { get; init; } = "";
    public string Category { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>"TA1001|host", as <see cref="Evaluation.Finding.Fingerprint"/>.</summary>
    [JsonIgnore] public string Fingerprint => $"{RuleId}|{Subject}";
}
