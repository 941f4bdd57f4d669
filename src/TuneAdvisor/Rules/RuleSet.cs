using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Rules;

/// <summary>The compiled rules of a run, sorted by id, and every diagnostic their files produced.</summary>
public sealed record RuleSet(ImmutableArray<Rule> Rules, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Loads and compiles the built-in rules (unless excluded) and every rule under <paramref name="paths"/>.</summary>
    /// <param name="pin">A released built-in rule pack to load instead of the current one (a policy's rulesVersion).</param>
    public static RuleSet Load(bool builtIn, IEnumerable<string> paths, string? pin = null)
    {
        var diagnostics = new DiagnosticBag();
        var (files, ranges) = RuleSources.Collect(builtIn, paths, diagnostics, pin);
        return Compile(files, ranges, diagnostics);
    }

    public static RuleSet Compile(IEnumerable<RuleFile> files, IdRanges ranges, DiagnosticBag diagnostics)
    {
        var rules = new List<Rule>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var doc = RuleLoader.Load(file.Text, file.DisplayPath, diagnostics);
            if (doc is null)
                continue;
            if (doc.Id is { } idScalar && seen.TryGetValue(idScalar.Value, out var first))
            {
                diagnostics.Add(KnownDiagnostics.DuplicateRuleId, RuleLoader.At(file.DisplayPath, idScalar), idScalar.Value, first);
                continue;
            }
            if (doc.Id is { } id)
                seen[id.Value] = file.DisplayPath;
            if (RuleCompiler.Compile(doc, ranges, file.ReadSibling, diagnostics) is { } rule)
                rules.Add(rule);
        }
        return new RuleSet(rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray(), diagnostics.ToImmutableSorted());
    }
}
