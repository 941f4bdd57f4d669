namespace TuneAdvisor.Tests.Collection.Image;

/// <summary>A throwaway root file system for image tests: files, directories and real symbolic links under a temp dir.</summary>
public sealed class FixtureTree : IDisposable
{
    public FixtureTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "tuneadvisor-image-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes a file (creating parent directories); lines joined with "\n".</summary>
    public FixtureTree File(string relative, params string[] lines)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, lines.Length == 0 ? "" : string.Join("\n", lines) + "\n");
        return this;
    }

    public FixtureTree Dir(string relative)
    {
        Directory.CreateDirectory(Path.Combine(Root, relative));
        return this;
    }

    /// <summary>Creates a symbolic link at <paramref name="relative"/> whose target text is exactly <paramref name="target"/>.</summary>
    public FixtureTree Link(string relative, string target)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.CreateSymbolicLink(path, target);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
