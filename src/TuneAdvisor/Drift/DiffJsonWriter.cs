using System.Text.Json;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Drift;

/// <summary>The machine-readable diff (System.Text.Json source generation, AOT-safe).</summary>
public sealed class DiffJsonWriter : IDiffWriter
{
    public const int FormatVersion = 1;

    public string Format => "json";

    public string Write(SnapshotDiff diff) => JsonSerializer.Serialize(ToDocument(diff), DiffJsonContext.Default.DiffDocument) + "\n";

    public static DiffDocument ToDocument(SnapshotDiff d) => new(
        FormatVersion,
        "TuneAdvisor",
        d.ToolVersion,
        d.Before,
        d.After,
        d.IncludesVolatile,
        d.HasChanges,
        Summary(d),
        [.. d.Sysctls.Select(c => new JsonSysctlChange(c.Key, c.Change, c.Before?.Value, c.After?.Value, c.Before?.Source, c.After?.Source))],
        [.. d.Listeners.Select(c =>
        {
            var l = c.After ?? c.Before!;
            return new JsonListenerChange(c.Subject, c.Change, l.Protocol, l.Local, c.BeforeBacklog, c.AfterBacklog, [.. l.Processes.Select(p => $"{p.Name}({p.Pid})")]);
        })],
        [.. d.Findings.Select(c => new JsonFindingChange(c.Change, c.Finding.Fingerprint, c.Finding.RuleId, c.Finding.Title, c.Finding.Subject,
            c.Before?.Severity.ToName(), c.After?.Severity.ToName(), c.Finding.Message, c.Finding.Suppression is not null, c.Note))],
        [.. d.Other.Select(c => new JsonFactChange(c.Key, c.Change, c.Before, c.After, c.Volatile))],
        d.PolicyPath);

    public static DiffSummary Summary(SnapshotDiff d) => new(
        d.Count,
        new SysctlCounts(Count(d.Sysctls, c => c.Kind, ChangeKind.Changed), Count(d.Sysctls, c => c.Kind, ChangeKind.Added), Count(d.Sysctls, c => c.Kind, ChangeKind.Removed)),
        new ListenerCounts(Count(d.Listeners, c => c.Kind, ChangeKind.Added), Count(d.Listeners, c => c.Kind, ChangeKind.Removed), Count(d.Listeners, c => c.Kind, ChangeKind.Changed)),
        new FindingCounts(Count(d.Findings, c => c.Kind, ChangeKind.Added), Count(d.Findings, c => c.Kind, ChangeKind.Removed), Count(d.Findings, c => c.Kind, ChangeKind.Changed), d.UnchangedFindings),
        d.Other.Length);

    private static int Count<T>(IEnumerable<T> changes, Func<T, ChangeKind> kind, ChangeKind wanted) => changes.Count(c => kind(c) == wanted);
}
