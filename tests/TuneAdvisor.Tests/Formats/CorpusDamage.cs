using System.Text.RegularExpressions;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Tests.Formats;

/// <summary>
/// What the corpus README says about damage in its files: a case whose notes call a file cut, truncated or damaged
/// (naming the file, or the case's only file) may give one warning for it, a truncated-input or a skipped-line note.
/// Read from the README, so a new damaged case needs no change here and an undamaged file still has to read clean.
/// </summary>
public static partial class CorpusDamage
{
    [GeneratedRegex(@"^### \d+\. `(?<case>[^`]+)`\s*$(?<body>.*?)(?=^### |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"\b(cut|truncat\w*|damaged)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DamageWord();

    /// <summary>True when the README declares <paramref name="relative"/> ("case/file") damaged.</summary>
    public static bool IsDeclared(string corpus, string relative)
    {
        var slash = relative.IndexOf('/');
        var (caseName, file) = (relative[..slash], relative[(slash + 1)..]);
        foreach (Match m in Section().Matches(File.ReadAllText(Path.Combine(corpus, "README.md"))))
        {
            if (m.Groups["case"].Value != caseName)
                continue;
            var body = m.Groups["body"].Value;
            var notes = body.Split('\n').FirstOrDefault(l => l.StartsWith("Notes:", StringComparison.Ordinal)) ?? "";
            var files = Directory.GetFiles(Path.Combine(corpus, caseName), "*", SearchOption.AllDirectories).Length;
            return DamageWord().IsMatch(notes) && (files == 1 || notes.Contains(Path.GetFileName(file), StringComparison.Ordinal));
        }
        return false;
    }

    /// <summary>The warnings left after allowing one damage note on a declared file.</summary>
    public static List<Diagnostic> Unexplained(string corpus, string relative, IEnumerable<Diagnostic> warnings)
    {
        var list = warnings.ToList();
        if (IsDeclared(corpus, relative)
            && list.FindIndex(d => d.Descriptor == KnownDiagnostics.TruncatedInput || d.Descriptor == KnownDiagnostics.InputLineSkipped) is var i and >= 0)
            list.RemoveAt(i);
        return list;
    }
}
