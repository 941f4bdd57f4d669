using System.Collections.Immutable;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Reporting;

/// <summary>
/// The JSON report document (format version 1): findings, every outcome, and the diagnostics of the run; <c>policy</c>
/// is the policy file the run read, and is left out when it read none.
/// </summary>
public sealed record JsonReport(
    int FormatVersion,
    string Tool,
    string ToolVersion,
    DateTimeOffset GeneratedAt,
    SnapshotSource Source,
    HostInfo Host,
    JsonSummary Summary,
    ImmutableArray<JsonFinding> Findings,
    ImmutableArray<RuleOutcome> Outcomes,
    ImmutableArray<JsonDiagnostic> Diagnostics,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Policy = null);

public sealed record JsonSummary(int Rules, int Findings, int Errors, int Warnings, int Infos, int Suppressed, int Passed, int Failed, int NotApplicable, int NotEvaluated);

public sealed record JsonFinding(
    string RuleId, string Title, string Category, string Severity, string Subject, string Message, string Fingerprint,
    ImmutableArray<Evidence> Evidence, Fix? Remediation, string? Help, string Rule, Suppression? Suppression);

public sealed record JsonDiagnostic(string Id, string Severity, string Message, string? Path, int? Line, int? Column);
