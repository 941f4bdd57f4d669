using System.Collections.Immutable;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Reporting;

/// <summary>
/// The JSON report document (format version 1): findings, every outcome, and the diagnostics of the run; <c>policy</c>
/// is the policy file the run read, and is left out when it read none. With a baseline (--baseline), each finding has
/// its <c>baselineState</c> (new, unchanged), <c>baseline</c> says which file with what counts, and <c>fixed</c> lists
/// its entries no finding matches; all three are left out without one, so such reports are unchanged.
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
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Policy = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] JsonBaseline? Baseline = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<JsonBaselineEntry>? Fixed = null);

public sealed record JsonSummary(int Rules, int Findings, int Errors, int Warnings, int Infos, int Suppressed, int Passed, int Failed, int NotApplicable, int NotEvaluated);

public sealed record JsonFinding(
    string RuleId, string Title, string Category, string Severity, string Subject, string Message, string Fingerprint,
    ImmutableArray<Evidence> Evidence, Fix? Remediation, string? Help, string Rule, Suppression? Suppression,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? BaselineState = null);

/// <summary>
/// The baseline a run was compared with: new and unchanged count the findings no waiver covers; notChecked are entries
/// this run could not check (their rule did not run, does not apply to this source, or could not evaluate the subject).
/// </summary>
public sealed record JsonBaseline(string Path, DateTimeOffset CreatedAt, string ToolVersion, int New, int Unchanged, int Fixed, ImmutableArray<JsonBaselineEntry> NotChecked);

/// <summary>A baseline entry in a report (fixed, or not checked): as recorded, with its fingerprint.</summary>
public sealed record JsonBaselineEntry(string RuleId, string Subject, string Severity, string Category, string Title, string Fingerprint);

public sealed record JsonDiagnostic(string Id, string Severity, string Message, string? Path, int? Line, int? Column);
