using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TuneAdvisor.Drift;

/// <summary>
/// The JSON diff document (format version 1, schemas/diff.schema.json): both snapshots, whether anything differs, the
/// counts, and each section's changes; <c>policy</c> is left out when no policy file was read.
/// </summary>
public sealed record DiffDocument(
    int FormatVersion,
    string Tool,
    string ToolVersion,
    DiffSide Before,
    DiffSide After,
    bool IncludesVolatile,
    bool Changed,
    DiffSummary Summary,
    ImmutableArray<JsonSysctlChange> Sysctls,
    ImmutableArray<JsonListenerChange> Listeners,
    ImmutableArray<JsonFindingChange> Findings,
    ImmutableArray<JsonFactChange> Other,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Policy = null);

public sealed record DiffSummary(int Differences, SysctlCounts Sysctls, ListenerCounts Listeners, FindingCounts Findings, int Other);

public sealed record SysctlCounts(int Changed, int Added, int Removed);

public sealed record ListenerCounts(int Appeared, int Disappeared, int Changed);

public sealed record FindingCounts(int New, int Fixed, int Changed, int Unchanged);

public sealed record JsonSysctlChange(string Key, string Change, string? Before, string? After, string? BeforeSource, string? AfterSource);

public sealed record JsonListenerChange(string Subject, string Change, string Protocol, string Local, long? BeforeBacklog, long? AfterBacklog, ImmutableArray<string> Processes);

public sealed record JsonFindingChange(
    string Change, string Fingerprint, string RuleId, string Title, string Subject, string? BeforeSeverity, string? AfterSeverity,
    string Message, bool Waived, string? Note);

public sealed record JsonFactChange(string Key, string Change, string? Before, string? After, bool Volatile);
