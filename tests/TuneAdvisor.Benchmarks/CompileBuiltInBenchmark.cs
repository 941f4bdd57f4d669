using BenchmarkDotNet.Attributes;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Benchmarks;

/// <summary>Loading and compiling every built-in rule (embedded YAML, help pages, id ranges): the fixed start-up cost of an audit.</summary>
[Config(typeof(ShortInProcessConfig))]
public class CompileBuiltInBenchmark
{
    [GlobalSetup]
    public void Setup()
    {
        var set = RuleSet.Load(builtIn: true, []);
        if (set.HasErrors || set.Rules.Length == 0)
            throw new InvalidOperationException("the built-in rules do not compile:\n" + string.Join('\n', set.Diagnostics));
        Console.WriteLine($"// {set.Rules.Length} built-in rules");
    }

    [Benchmark(Description = "RuleSet.Load(builtIn: true)")]
    public int CompileBuiltIn() => RuleSet.Load(builtIn: true, []).Rules.Length;
}
