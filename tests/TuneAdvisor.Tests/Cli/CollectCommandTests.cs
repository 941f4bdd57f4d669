using System.Text.Json;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Cli;

/// <summary><c>collect</c> output: one compact line by default, indented with --pretty, to a file or standard output.</summary>
public sealed class CollectCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-collect-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Image()
    {
        var root = Path.Combine(_dir, "img");
        Directory.CreateDirectory(Path.Combine(root, "etc/sysctl.d"));
        Directory.CreateDirectory(Path.Combine(root, "usr/lib/modules/6.1.0-18-amd64"));
        File.WriteAllText(Path.Combine(root, "etc/sysctl.d/60-web.conf"), "net.core.somaxconn = 128\n");
        return root;
    }

    private static SystemSnapshot Load(string json)
    {
        var bag = new DiagnosticBag();
        var snapshot = SnapshotJson.Deserialize(json, "out.json", bag);
        Assert.Empty(bag.ToImmutableSorted());
        return snapshot!;
    }

    [Fact]
    public void A_file_is_one_compact_line_by_default_and_indented_with_pretty()
    {
        var root = Image();
        var compact = Path.Combine(_dir, "compact.json");
        var pretty = Path.Combine(_dir, "pretty.json");
        Assert.Equal(0, CliRunner.Run("collect", "--root", root, "-o", compact).ExitCode);
        Assert.Equal(0, CliRunner.Run("collect", "--root", root, "--pretty", "-o", pretty).ExitCode);

        var compactText = File.ReadAllText(compact);
        var prettyText = File.ReadAllText(pretty);
        Assert.Single(compactText.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("{\n  \"schemaVersion\": 2,", prettyText);
        Assert.Equal("128", Load(compactText).Sysctls["net.core.somaxconn"].Value);
        // The same snapshot either way (an image has no clock-dependent values but capturedAt).
        Assert.Equal(Normalise(compactText), Normalise(SnapshotJson.Serialize(Load(prettyText))));
    }

    [Fact]
    public void Standard_output_follows_the_same_choice()
    {
        var root = Image();
        var plain = CliRunner.Run("collect", "--root", root);
        var pretty = CliRunner.Run("collect", "--root", root, "--pretty");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, pretty.ExitCode);
        Assert.Single(plain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\n  \"host\": {\n", pretty.Stdout);
        using var doc = JsonDocument.Parse(plain.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("schemaVersion").GetInt32());
    }

    private static string Normalise(string json)
    {
        var snapshot = Load(json);
        return SnapshotJson.Serialize(snapshot with { CapturedAt = default });
    }
}
