
namespace TuneAdvisor.Tests.Support;

/// <summary>
/// A test that runs an external program (shellcheck, chromium…). Skipped, with the reason, where the program is not
/// on PATH; under CI=true it is never skipped, so CI cannot pass without it (.ci/run installs it).
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
            return;
        if (FindOnPath(tool) is null)
            Skip = $"{tool} is not installed (apt-get install {tool}); under CI=true this test runs and fails instead";
    }

    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
