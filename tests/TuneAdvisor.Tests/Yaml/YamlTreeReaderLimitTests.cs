using TuneAdvisor.Diagnostics;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests.Yaml;

/// <summary>
/// The YAML tree is bounded in depth and node count; crossing either is one YAML error at the node that crossed it
/// (the 10 000-deep and 100 000-deep files of issue #14 run through the built CLI in <see cref="Cli.DeepNestingTests"/>,
/// where a regression cannot take the test host down with it).
/// </summary>
public sealed class YamlTreeReaderLimitTests
{
    private static string[] Read(string text)
    {
        var bag = new DiagnosticBag();
        YamlTreeReader.Read(text, "r.yaml", bag);
        return [.. bag.ToImmutableSorted().Select(d => d.ToString())];
    }

    [Fact]
    public void Nesting_up_to_the_limit_reads_and_one_level_more_is_an_error_where_it_starts()
    {
        Assert.Empty(Read("a: " + new string('[', YamlTreeReader.MaxDepth - 1) + new string(']', YamlTreeReader.MaxDepth - 1)));
        var (text, line, column) = SpanMarkup.Parse("a: " + new string('[', YamlTreeReader.MaxDepth - 1) + "[|[|]" + new string(']', YamlTreeReader.MaxDepth));
        Assert.Equal([$"r.yaml({line},{column}): error TA0002: YAML syntax error: nested deeper than 64 levels; nothing was read"], Read(text));
    }

    [Fact]
    public void Block_mappings_count_as_nesting_too()
    {
        var deep = string.Concat(Enumerable.Range(0, 70).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 140) + "v: 1\n";
        var error = Assert.Single(Read(deep));
        Assert.Contains("nested deeper than 64 levels", error);
    }

    [Fact]
    public void More_nodes_than_the_limit_is_an_error()
    {
        var wide = "[" + string.Join(",", Enumerable.Repeat("1", YamlTreeReader.MaxNodes)) + "]";
        var error = Assert.Single(Read(wide));
        Assert.Contains($"error TA0002: YAML syntax error: more than {YamlTreeReader.MaxNodes} YAML nodes in one document; nothing was read", error);
    }
}
