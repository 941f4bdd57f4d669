namespace TuneAdvisor.Tests.Cli;

/// <summary>
/// The rule catalog is committed twice, as `rules list --format md` prints it: rules/CATALOG.md (the output itself)
/// and the README's "Rule catalog" section between its markers. Adding, renaming or re-scoping a rule without
/// regenerating them fails here, with the command that regenerates them.
/// </summary>
public sealed class RuleCatalogFileTests
{
    private const string Regenerate =
        "regenerate with: dotnet run --project src/TuneAdvisor.Cli -- rules list --format md > rules/CATALOG.md, and paste the same table into README.md between <!-- CATALOG-START --> and <!-- CATALOG-END -->";

    private static string Current()
    {
        var r = CliRunner.Run("rules", "list", "--format", "md");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r.Stdout.ReplaceLineEndings("\n");
    }

    [Fact]
    public void The_committed_catalog_is_what_rules_list_prints()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Rules, "CATALOG.md")).ReplaceLineEndings("\n");
        Assert.True(committed == Current(), "rules/CATALOG.md is stale; " + Regenerate);
    }

    [Fact]
    public void The_readme_catalog_is_what_rules_list_prints()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        const string start = "<!-- CATALOG-START -->\n", end = "<!-- CATALOG-END -->";
        int a = readme.IndexOf(start, StringComparison.Ordinal), b = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(a >= 0 && b > a, "README.md has no <!-- CATALOG-START --> … <!-- CATALOG-END --> section");
        Assert.True(readme[(a + start.Length)..b] == Current(), "the README's rule catalog is stale; " + Regenerate);
    }
}
