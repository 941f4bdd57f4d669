using TuneAdvisor.Diagnostics;
using TuneAdvisor.Reporting;

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

    /// <summary>
    /// Writes to the file through <paramref name="write"/> (a 100 000-socket snapshot is ~230 MB of JSON: streaming it
    /// avoids a string twice that size), or, for null or "-", the text of <paramref name="text"/> to standard output.
    /// </summary>
    public static bool Write(string? path, Func<string> text, Action<Stream> write, TextWriter stdout, TextWriter stderr)
    {
        if (path is null or "-")
            return Write(path, text(), stdout, stderr);
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null)
                Directory.CreateDirectory(dir);
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            write(stream);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"tuneadvisor: cannot write {path}: {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// Prints diagnostics (errors and warnings; info only when verbose) one per line, compiler style. A line break
    /// inside one (a file named with one, a capture's text) is escaped, so it cannot fake a line of its own.
    /// </summary>
    public static void Diagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter stderr, bool includeInfo = false)
    {
        foreach (var d in diagnostics)
            if (includeInfo || d.Severity >= Severity.Warning)
                stderr.WriteLine(InertText.Escape(d.ToString()));
    }

    public static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => d.Severity == Severity.Error);
}
