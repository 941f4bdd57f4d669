using System.Collections.Immutable;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Remediation;

/// <summary>
/// The steps a bundle never runs: each finding's fix summary, its commands (to run by hand) and its hints, plus
/// the sysctl keys the plan left out. Identical text from several subjects of one rule is listed once.
/// </summary>
public static class RemediationHints
{
    public static ImmutableArray<string> From(IEnumerable<Finding> findings, ImmutableArray<PlannedSysctl> plan)
    {
        var entries = new List<(string RuleId, string Text, List<string> Subjects)>();
        var index = new Dictionary<(string, string), int>();
        foreach (var f in findings)
        {
            if (f.Remediation is not { } rem)
                continue;
            IEnumerable<string> texts = [
                .. string.IsNullOrWhiteSpace(rem.Summary) ? [] : new[] { rem.Summary },
                .. rem.Commands.Select(c => "run by hand: " + c),
                .. rem.Hints];
            foreach (var text in texts.Select(ShellText.OneLine))
            {
                if (index.TryGetValue((f.RuleId, text), out var at))
                {
                    if (!entries[at].Subjects.Contains(f.Subject))
                        entries[at].Subjects.Add(f.Subject);
                    continue;
                }
                index[(f.RuleId, text)] = entries.Count;
                entries.Add((f.RuleId, text, [f.Subject]));
            }
        }
        var hints = ImmutableArray.CreateBuilder<string>();
        // Findings arrive sorted by rule id; a stable sort keeps each rule's summary, commands and hints in template order.
        foreach (var (ruleId, text, subjects) in entries.OrderBy(e => e.RuleId, StringComparer.Ordinal))
            hints.Add($"{ruleId} ({Subjects(subjects)}): {text}");
        foreach (var p in plan.Where(p => !p.IsApplied))
            hints.Add(ShellText.OneLine($"{p.Key}: {p.Note} ({string.Join(", ", p.Requests.Select(r => $"{r.RuleId} {r.Subject} asks for \"{r.Value}\""))})"));
        return hints.ToImmutable();
    }

    private static string Subjects(List<string> subjects) =>
        ShellText.OneLine(string.Join(", ", subjects.Take(DropInWriter.MaxSubjectsPerComment))
            + (subjects.Count > DropInWriter.MaxSubjectsPerComment ? $" and {subjects.Count - DropInWriter.MaxSubjectsPerComment} more" : ""));
}
