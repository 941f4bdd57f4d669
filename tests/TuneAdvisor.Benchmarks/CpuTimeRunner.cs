using System.Diagnostics;
using System.Globalization;

namespace TuneAdvisor.Benchmarks;

/// <summary>
/// A fallback for a busy machine. Runs the benchmarks round-robin, measuring process CPU time, and reports each
/// method's best time and the median over rounds of its ratio to its baseline measured in the same round. CPU time
/// does not grow while other processes hold the cores, and pairing each run with an adjacent baseline run cancels
/// most of the slowdown they still cause (shared caches), so the ratios stay meaningful when wall-clock error bars do not.
/// </summary>
public static class CpuTimeRunner
{
    private sealed class Method(string name, Func<int> run, Method? baseline = null)
    {
        public string Name { get; } = name;
        public Func<int> Run { get; } = run;
        public Method? Baseline { get; } = baseline;
        public List<double> Times { get; } = [];
        public long Allocated { get; set; }
    }

    public static void Run(int rounds, string? filter = null)
    {
        var bench = new ConnectionRulesBenchmark();
        bench.Setup();
        var builtIn = new CompileBuiltInBenchmark();
        builtIn.Setup();
        var lambdas = new Method("Hand-written C# lambdas", bench.HandWritten);
        var evaluatorLambdas = new Method("RuleEvaluator.Evaluate, hand-written conditions", bench.EvaluatorHandWritten);
        Method[][] groups =
        [
            [lambdas, new Method("Compiled conditions (delegates)", bench.CompiledConditions, lambdas)],
            [evaluatorLambdas, new Method("RuleEvaluator.Evaluate, compiled conditions", bench.Evaluator, evaluatorLambdas)],
            [new Method("RuleSet.Load(builtIn: true)", builtIn.CompileBuiltIn)],
        ];
        var methods = groups.Where(g => filter is null || g.Any(m => m.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(g => g).ToArray();
        for (int round = -2; round < rounds; round++) // two warm-up rounds let tiered compilation settle
        {
            foreach (var m in methods)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                m.Run();
                m.Allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
                if (round >= 0)
                    m.Times.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
            }
        }
        Console.WriteLine($"| Method | CPU time (best of {rounds}) | Allocated | Ratio (median over rounds) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var m in methods)
        {
            var ratio = "";
            if (m.Baseline is { } b)
            {
                var ratios = m.Times.Zip(b.Times, (t, bt) => t / bt).Order().ToList();
                ratio = ratios[ratios.Count / 2].ToString("0.00", CultureInfo.InvariantCulture);
            }
            else if (methods.Any(x => x.Baseline == m))
            {
                ratio = "1.00";
            }
            Console.WriteLine($"| {m.Name} | {m.Times.Min().ToString("0.0", CultureInfo.InvariantCulture)} ms | "
                + $"{(m.Allocated / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KB | {ratio} |");
        }
    }
}
