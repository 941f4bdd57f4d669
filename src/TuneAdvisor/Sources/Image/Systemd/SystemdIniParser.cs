using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Sources.Image.Systemd;

/// <summary>
/// Parses systemd's INI dialect (systemd.syntax(7)): [Section] headers, Key=Value assignments with whitespace
/// around "=" ignored, # and ; comment lines, and a trailing backslash joining the next line (comment lines
/// inside a continuation are dropped). Pure: text in, assignments (with their first line) and diagnostics out.
/// </summary>
public static class SystemdIniParser
{
    public static (ImmutableArray<SystemdSetting> Settings, ImmutableArray<Diagnostic> Diagnostics) Parse(string text, string path)
    {
        var settings = ImmutableArray.CreateBuilder<SystemdSetting>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var lines = text.Split('\n');
        string? section = null;
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            bool more = line.EndsWith('\\');
            if (more)
                line = line[..^1].TrimEnd();
            while (more && i + 1 < lines.Length)
            {
                var next = lines[++i].Trim();
                if (next.Length > 0 && next[0] is '#' or ';')
                    continue;
                more = next.EndsWith('\\');
                line = line + " " + (more ? next[..^1].TrimEnd() : next);
            }
            line = line.Trim();
            if (line.StartsWith('['))
            {
                if (!line.EndsWith(']'))
                {
                    diagnostics.Add(Skip(path, number, $"malformed section header '{line}'"));
                    section = null;
                    continue;
                }
                section = line[1..^1];
                continue;
            }
            int eq = line.IndexOf('=');
            if (eq <= 0)
            {
                diagnostics.Add(Skip(path, number, $"not an assignment (expected 'Key=Value'): {line}"));
                continue;
            }
            if (section is null)
            {
                diagnostics.Add(Skip(path, number, "assignment outside of any [Section]"));
                continue;
            }
            settings.Add(new SystemdSetting(section, line[..eq].Trim(), line[(eq + 1)..].Trim(), path, number));
        }
        return (settings.ToImmutable(), diagnostics.ToImmutable());
    }

    private static Diagnostic Skip(string path, int line, string message) =>
        Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(path, line), $"{path}:{line}: {message}");
}

/// <summary>One Key=Value line of a systemd configuration file, with the section it is in.</summary>
public sealed record SystemdSetting(string Section, string Key, string Value, string File, int Line)
{
    public string Location => $"{File}:{Line}";
}
