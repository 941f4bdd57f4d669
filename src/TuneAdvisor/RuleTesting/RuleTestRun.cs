using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.RuleTesting;

/// <summary>The result of running rule test cases: one line per case ("PASS TA1001 name"), counts and diagnostics.</summary>
public sealed record RuleTestRun(ImmutableArray<RuleTestCaseResult> Cases, ImmutableArray<Diagnostic> Diagnostics)
{
    public int Passed => Cases.Count(c => c.Passed);
    public int Failed => Cases.Count(c => !c.Passed);
    public IEnumerable<string> Lines => Cases.Select(c => c.Passed ? $"PASS {c.RuleId} {c.Name}" : $"FAIL {c.RuleId} {c.Name}: {c.Failure}");
}

/// <summary>One case: which rule, its name, whether it fired as expected, and what differed when it did not.</summary>
public sealed record RuleTestCaseResult(string RuleId, string Name, string Path, bool Passed, string? Failure, bool ExpectsFinding);
