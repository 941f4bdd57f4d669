using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Cli.Commands;

/// <summary>Small output helpers shared by the commands.</summary>
internal static class Output
{
    /// <summary>Writes to the file, or to standard output for null or "-". Returns false (after a message) when the file cannot be written.</summary>
    public static bool Write(string? path, string text, TextWriter stdout, TextWriter stderr)
    {
        if (path is null or "-")
        {
            stdout.Write(text);
            return true;
        }
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null)
                Directory.CreateDirectory(dir);
            File.WriteAllText(path, text);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"tuneadvisor: cannot write {path}: {ex.Message}");
            return false;
        }
    }

    /// <summary>Prints diagnostics (errors and warnings; info only when verbose) one per line, compiler style.</summary>
    public static void Diagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter stderr, bool includeInfo = false)
    {
        foreach (var d in diagnostics)
            if (includeInfo || d.Severity >= Severity.Warning)
                stderr.WriteLine(d.ToString());
    }

    public static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => d.Severity == Severity.Error);
}
