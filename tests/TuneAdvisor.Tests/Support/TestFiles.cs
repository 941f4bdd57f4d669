
namespace TuneAdvisor.Tests.Support;

/// <summary>Files under tests/TuneAdvisor.Tests/TestFiles, read from the source tree (so a failure names the committed file).</summary>
public static class TestFiles
{
    public static string Root => Path.Combine(RepoPaths.Root, "tests", "TuneAdvisor.Tests", "TestFiles");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));
}
