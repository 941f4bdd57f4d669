using System.Text;
using System.Text.Json;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Baselines;

/// <summary>
/// Writes a baseline file (<c>--write-baseline</c>) atomically: into a temporary file beside it, then renamed over it,
/// so a reader (or a crash) never sees half a baseline, and <c>--baseline F --write-baseline F</c> reads the old one
/// before replacing it.
/// </summary>
public static class BaselineWriter
{
    public static string Serialize(BaselineFile file) =>
        JsonSerializer.Serialize(file, BaselineJsonContext.Default.BaselineFile) + "\n";

    /// <summary>Writes <paramref name="file"/> to <paramref name="path"/>; false, with TA0353, when it cannot.</summary>
    public static bool TryWrite(BaselineFile file, string path, DiagnosticBag diagnostics)
    {
        string? temporary = null;
        try
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(folder);
            temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(Serialize(file)));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
            temporary = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(KnownDiagnostics.BaselineNotWritten, SourceSpan.File(path), e.Message);
            return false;
        }
        finally
        {
            if (temporary is not null)
                try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
