
namespace TuneAdvisor.Tests.Support;

/// <summary>
/// A throwaway directory tree standing in for /proc, /sys or an image root: files, folders and symbolic links written
/// by relative path (fluently, or with <see cref="Write"/> for the full path); deleted on Dispose.
/// </summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), $"ta-fixture-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a file (creating its directories) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a file of these lines, each ending in "\n" (an empty file without lines).</summary>
    public TempTree File(string relative, params string[] lines)
    {
        Write(relative, lines.Length == 0 ? "" : string.Join("\n", lines) + "\n");
        return this;
    }

    public TempTree Dir(string relative)
    {
        Directory.CreateDirectory(PathOf(relative));
        return this;
    }

    /// <summary>Creates a symbolic link at <paramref name="relative"/> whose target text is exactly <paramref name="target"/>.</summary>
    public TempTree Link(string relative, string target)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.CreateSymbolicLink(path, target);
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
