using System.Collections.Immutable;
using System.Text.Json.Serialization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Baselines;

/// <summary>
/// A baseline (schemas/baseline.schema.json): the findings of one run, by fingerprint, sorted by it, so a team commits
/// the file and a later run with <c>--baseline</c> fails only on what is new. <see cref="FormatVersion"/> 1.
/// </summary>
public sealed record BaselineFile
{
    public const int CurrentFormatVersion = 1;

    [JsonRequired] public int FormatVersion { get; init; } = CurrentFormatVersion;
    public string Tool { get; init; } = "TuneAdvisor";
    public string ToolVersion { get; init; } = "";
    /// <summary>When the run that wrote it was (the audit's clock, so tests fix it), in UTC to the second.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    [JsonRequired] public ImmutableArray<BaselineEntry> Findings { get; init; } = [];

    /// <summary>
    /// The baseline of these findings: every one no waiver covers, once per fingerprint, sorted by fingerprint.
    /// Waived findings are left out: the waiver already accepts them, and when it expires they should count again
    /// rather than hide behind the baseline.
    /// </summary>
    public static BaselineFile Of(IEnumerable<Finding> findings, string toolVersion, DateTimeOffset createdAt) => new()
    {
        ToolVersion = toolVersion,
        CreatedAt = new DateTimeOffset(createdAt.UtcTicks - createdAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
        Findings = [.. findings.Where(f => f.Suppression is null)
            .DistinctBy(f => f.Fingerprint, StringComparer.Ordinal)
            .OrderBy(f => f.Fingerprint, StringComparer.Ordinal)
            .Select(f => new BaselineEntry { RuleId = f.RuleId, Subject = f.Subject, Severity = f.Severity.ToName(), Category = f.Category, Title = f.Title })],
    };
}
