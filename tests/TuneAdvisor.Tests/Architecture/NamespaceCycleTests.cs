using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Architecture;

/// <summary>
/// Dependencies between the library's top-level namespaces flow one way (the README's design notes draw the order):
/// a cycle between two stages means neither can be read, tested or replaced without the other.
/// </summary>
public sealed class NamespaceCycleTests
{
    private static readonly Lazy<NamespaceGraph> Graph = new(() => NamespaceGraph.Read(typeof(SystemSnapshot).Assembly.Location));

    [Fact]
    public void Top_level_namespaces_have_no_cycles() =>
        Assert.True(Graph.Value.Cycles().Count == 0, "namespace cycles:\n" + string.Join("\n", Graph.Value.Cycles()));

    [Fact]
    public void The_expression_language_layers_syntax_runtime_schema_binding_one_way()
    {
        var graph = NamespaceGraph.Read(typeof(SystemSnapshot).Assembly.Location, "TuneAdvisor.Expressions");
        Assert.True(graph.Cycles().Count == 0, "cycles inside Expressions:\n" + string.Join("\n", graph.Cycles()));
        Assert.Contains("Syntax", graph.Edges["Binding"].Keys);
        Assert.Contains("Runtime", graph.Edges["Binding"].Keys);
        Assert.False(graph.Edges.TryGetValue("Runtime", out var runtime) && runtime.ContainsKey("Binding"), "Runtime must not use Binding");
    }

    [Fact]
    public void The_graph_sees_real_dependencies()
    {
        // Guards the test above against reading nothing: these edges exist by design.
        Assert.Contains("Snapshots", Graph.Value.Edges["Collection"].Keys);
        Assert.Contains("Expressions", Graph.Value.Edges["Rules"].Keys);
        Assert.Contains("Evaluation", Graph.Value.Edges["Reporting"].Keys);
    }

    [Fact]
    public void A_cycle_is_found_when_there_is_one()
    {
        var cycles = Graph.Value.With("Snapshots", "Collection", "test edge").Cycles();
        Assert.Contains(cycles, c => c.Contains("Snapshots -> Collection (test edge)", StringComparison.Ordinal));
    }
}
