
namespace TuneAdvisor.Tests.Support;

/// <summary>Locates the repository root (the folder with TuneAdvisor.sln) and the shared corpus beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/corpus from the repository root; null when this clone has no shared/ beside it.</summary>
    public static string? Corpus
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string Rules => Path.Combine(Root, "rules");

    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>The built CLI (tuneadvisor) next to the test assembly's project reference output.</summary>
    public static string Cli
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "tuneadvisor");
            return File.Exists(beside) ? beside : throw new FileNotFoundException("the tuneadvisor executable was not copied beside the tests", beside);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TuneAdvisor.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("TuneAdvisor.sln not found above " + AppContext.BaseDirectory);
    }
}
