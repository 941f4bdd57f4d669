using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Rules;
using TuneAdvisor.Yaml;
using static TuneAdvisor.RuleTesting.YamlValues;

namespace TuneAdvisor.RuleTesting;

/// <summary>
/// Runs each rule's cases from the "&lt;rule file name&gt;.tests.yaml" file beside it, the way Roslyn analyzer
/// tests do: a snapshot fragment in, the exact set of findings (or none) out.
/// </summary>
public static class RuleTestRunner
{
    private static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static RuleTestRun Run(bool builtIn, IEnumerable<string> paths)
    {
        var diagnostics = new DiagnosticBag();
        var (files, ranges) = RuleSources.Collect(builtIn, paths, diagnostics);
        var results = ImmutableArray.CreateBuilder<RuleTestCaseResult>();
        foreach (var file in files)
        {
            var set = RuleSet.Compile([file], ranges, diagnostics);
            if (set.Rules.Length != 1)
                continue;
            var rule = set.Rules[0];
            var testName = Path.GetFileNameWithoutExtension(file.DisplayPath) + ".tests.yaml";
            if (file.ReadSibling(testName) is not { } tests)
            {
                diagnostics.Add(KnownDiagnostics.RuleTestFailed, SourceSpan.File(file.DisplayPath), rule.Id, $"no test cases ({testName} is missing beside the rule)");
                continue;
            }
            results.AddRange(RunFile(rule, tests.Path, tests.Text, diagnostics));
        }
        return new RuleTestRun(results.ToImmutable(), diagnostics.ToImmutableSorted());
    }

    public static IEnumerable<RuleTestCaseResult> RunFile(Rule rule, string path, string text, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(text, path, diagnostics);
        if (root is not YamlMapping map || map["cases"] is not YamlSequence cases)
        {
            if (root is not null)
                diagnostics.Add(KnownDiagnostics.InvalidFieldValue, SourceSpan.File(path), "cases", "a test file holds 'cases:', a list of cases");
            yield break;
        }
        foreach (var node in cases.Items.OfType<YamlMapping>())
            yield return RunCase(rule, path, node, diagnostics);
    }

    private static RuleTestCaseResult RunCase(Rule rule, string path, YamlMapping c, DiagnosticBag diagnostics)
    {
        var name = Str(c, "name") ?? $"case at line {c.Line}";
        var expect = Maps(c, "expect").ToList();
        RuleTestCaseResult Result(string? failure) => new(rule.Id, name, $"{path}({c.Line},{c.Column})", failure is null, failure, expect.Count > 0);
        if (c["snapshot"] is not YamlMapping fragment)
            return Result("the case has no 'snapshot:' mapping");
        if (c["expect"] is null && c["notApplicable"] is null && c["notEvaluated"] is null)
            return Result("the case says nothing to expect: give 'expect:' (a list, or [] for no finding)");
        Snapshots.SystemSnapshot snapshot;
        try
        {
            snapshot = SnapshotFragment.Build(fragment, FixedTime);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return Result($"the snapshot fragment has a value that is not a number: {ex.Message}");
        }
        var overrides = new Dictionary<string, IReadOnlyDictionary<string, Value>>();
        var options = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(c, "options"))
        {
            var parsed = RuleCompiler.ParseLiteral(ExpressionSource.Standalone(value, path), diagnostics);
            if (parsed is null || !rule.OptionTypes.TryGetValue(key, out var type) || !Arithmetic.AreComparable(parsed.Value.Type, type) && parsed.Value.Type != type)
                return Result($"option '{key}: {value}' is not an option of {rule.Id} of the right type");
            options[key] = parsed.Value.Value;
        }
        overrides[rule.Id] = options;
        var (findings, outcomes) = RuleEvaluator.Evaluate([rule], snapshot, overrides);
        return Result(Compare(c, expect, findings, outcomes));
    }

    private static string? Compare(YamlMapping c, List<YamlMapping> expect, ImmutableArray<Finding> findings, ImmutableArray<RuleOutcome> outcomes)
    {
        if (Bool(c, "notApplicable") == true)
            return outcomes.Any(o => o.Kind == OutcomeKind.NotApplicable) ? null : $"expected 'not applicable', got {Describe(outcomes)}";
        foreach (var subject in Strings(c, "notEvaluated"))
            if (!outcomes.Any(o => o.Kind == OutcomeKind.NotEvaluated && o.Subject == subject))
                return $"expected '{subject}' not evaluated, got {Describe(outcomes)}";
        var expectedSubjects = expect.Select(e => Str(e, "subject") ?? "host").Order(StringComparer.Ordinal).ToList();
        var actualSubjects = findings.Select(f => f.Subject).Order(StringComparer.Ordinal).ToList();
        if (!expectedSubjects.SequenceEqual(actualSubjects))
            return $"expected findings for [{string.Join("; ", expectedSubjects)}], got [{string.Join("; ", actualSubjects)}] ({Describe(outcomes)})";
        foreach (var e in expect)
        {
            var f = findings.First(x => x.Subject == (Str(e, "subject") ?? "host"));
            if (Str(e, "severity") is { } sev && f.Severity.ToName() != sev)
                return $"'{f.Subject}': expected severity {sev}, got {f.Severity.ToName()}";
            if (Str(e, "messageContains") is { } text && !f.Message.Contains(text, StringComparison.Ordinal))
                return $"'{f.Subject}': message \"{f.Message}\" does not contain \"{text}\"";
            if (Str(e, "remediationContains") is { } fix && !RemediationText(f).Contains(fix, StringComparison.Ordinal))
                return $"'{f.Subject}': remediation \"{RemediationText(f)}\" does not contain \"{fix}\"";
        }
        return null;
    }

    /// <summary>The rendered remediation as one line: summary, then "key = value" per sysctl, commands and hints, joined by " | ".</summary>
    private static string RemediationText(Finding f) =>
        f.Remediation is not { } r ? ""
        : string.Join(" | ", [r.Summary, .. r.Sysctls.Select(s => $"{s.Key} = {s.Value}"), .. r.Commands, .. r.Hints]);

    private static string Describe(ImmutableArray<RuleOutcome> outcomes) =>
        string.Join("; ", outcomes.Select(o => $"{o.Subject}: {o.Kind}{(o.Reason is null ? "" : " (" + o.Reason + ")")}"));
}
