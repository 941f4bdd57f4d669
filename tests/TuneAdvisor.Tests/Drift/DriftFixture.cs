using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Drift;
using TuneAdvisor.Evaluation;
using TuneAdvisor.RuleTesting;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Reporting;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests.Drift;

/// <summary>Snapshots from rule-test fragments, audits of them with the built-in rules, and changes written as one line each.</summary>
internal static class DriftFixture
{
    public static SystemSnapshot Snapshot(string fragment)
    {
        var map = (YamlMapping)YamlTreeReader.Read(fragment, "fixture", new DiagnosticBag())!;
        return SnapshotFragment.Build(map, ReportFixture.Now);
    }

    public static AnalysisResult Audit(string fragment) => ReportFixture.Result(fragment: fragment);

    /// <summary>An audit that raised exactly these findings (no rules ran), for matching alone.</summary>
    public static AnalysisResult Raised(params Finding[] findings) => new()
    {
        Snapshot = Snapshot("hostname: h"),
        Rules = [],
        Findings = [.. findings],
        Outcomes = [],
        GeneratedAt = ReportFixture.Now,
        ToolVersion = "0.0.0-test",
    };

    public static Finding Finding(string ruleId, string subject, Severity severity = Severity.Warning, string message = "m") => new()
    {
        RuleId = ruleId, Title = "t", Category = "c", Severity = severity, Subject = subject, Message = message,
    };

    public static SnapshotDiff Diff(string before, string after, bool includeVolatile = false) =>
        Diff(Audit(before), Audit(after), includeVolatile);

    public static SnapshotDiff Diff(AnalysisResult before, AnalysisResult after, bool includeVolatile = false) =>
        SnapshotDiffer.Compare(before, after, DiffSide.Of("a.json", before.Snapshot), DiffSide.Of("b.json", after.Snapshot), includeVolatile);

    public static string Lines(IEnumerable<SysctlChange> changes) =>
        string.Join("\n", changes.Select(c => $"{c.Change} {c.Key}: {c.Before?.Value ?? "-"} -> {c.After?.Value ?? "-"}"));

    public static string Lines(IEnumerable<ListenerChange> changes) =>
        string.Join("\n", changes.Select(c => $"{c.Change} {c.Subject}: backlog {c.BeforeBacklog?.ToString() ?? "-"} -> {c.AfterBacklog?.ToString() ?? "-"}"));

    public static string Lines(IEnumerable<FindingChange> changes) =>
        string.Join("\n", changes.Select(c => $"{c.Change} {c.Finding.Fingerprint} {c.Before?.Severity.ToName() ?? "-"} -> {c.After?.Severity.ToName() ?? "-"}" +
            (c.Note is null ? "" : $" ({c.Note})")));

    public static string Lines(IEnumerable<FactChange> changes) =>
        string.Join("\n", changes.Select(c => $"{c.Change} {c.Key}: {c.Before ?? "-"} -> {c.After ?? "-"}{(c.Volatile ? " (volatile)" : "")}"));
}
