using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Configuration.Sysctl;

/// <summary>
/// Parses one sysctl.d / sysctl.conf file (sysctl.d(5), "CONFIGURATION FORMAT"): blank lines and lines starting
/// with # or ; are ignored; <c>key = value</c> splits at the first "=", with whitespace around both sides ignored;
/// <c>-key = value</c> marks a key whose failure is ignored; a bare <c>-key</c> excludes a key from globs; the key
/// separator is "." or "/", and the first separator decides which (see <see cref="SysctlKey.Normalize"/>).
/// Any other line is skipped with a diagnostic naming the file and line. Pure: text in, records out.
/// </summary>
public static class SysctlConfigParser
{
    public static (ImmutableArray<SysctlAssignment> Assignments, ImmutableArray<Diagnostic> Diagnostics) Parse(string text, string path)
    {
        var assignments = ImmutableArray.CreateBuilder<SysctlAssignment>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            int number = i + 1;
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            int eq = line.IndexOf('=');
            bool ignoreFailure = false;
            string key;
            string? value;
            if (eq >= 0)
            {
                key = line[..eq];
                value = SysctlKey.NormalizeValue(line[(eq + 1)..]);
                if (key.StartsWith('-'))
                {
                    ignoreFailure = true;
                    key = key[1..];
                }
            }
            else if (line.StartsWith('-'))
            {
                key = line[1..];
                value = null;
            }
            else
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(path, number),
                    $"{path}:{number}: not an assignment (expected 'key = value'): {Shorten(line)}"));
                continue;
            }
            key = key.Trim();
            if (key.Length == 0 || key.Any(char.IsWhiteSpace))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(path, number),
                    $"{path}:{number}: invalid sysctl key '{Shorten(key)}'"));
                continue;
            }
            assignments.Add(new SysctlAssignment(SysctlKey.Normalize(key), value, path, number, ignoreFailure));
        }
        return (assignments.ToImmutable(), diagnostics.ToImmutable());
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
