using System.Diagnostics;
using System.Globalization;
using TuneAdvisor.Expressions.Runtime;

namespace TuneAdvisor.Benchmarks;

/// <summary>
/// Where the compiled conditions spend their time: each rule's condition against its own lambda, round-robin over
/// the same connections, in process CPU time (as <see cref="CpuTimeRunner"/>), with the median ratio per rule.
/// </summary>
public static class PerRuleRunner
{
    public static void Run(int rounds)
    {
        var snapshot = SyntheticConnections.Create(ConnectionRulesBenchmark.Connections);
        var connections = snapshot.Connections;
        object[] items = [.. connections];
        var rules = ConnectionRules.Compile().Rules;
        var lambdas = HandWrittenConditions.All;
        var compiledTimes = new List<double>[rules.Length];
        var lambdaTimes = new List<double>[rules.Length];
        var allocated = new long[rules.Length];
        for (int r = 0; r < rules.Length; r++)
        {
            compiledTimes[r] = [];
            lambdaTimes[r] = [];
        }
        int checksum = 0;
        for (int round = -2; round < rounds; round++)
        {
            for (int r = 0; r < rules.Length; r++)
            {
                var condition = rules[r].Condition.Eval;
                var ctx = new EvalContext(snapshot, rules[r].OptionDefaults);
                var lambda = lambdas[r];
                var before = Cpu();
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                var tally = default(Tally);
                ctx.SetItems(items);
                for (int i = 0; i < items.Length; i++)
                {
                    ctx.Index = i;
                    var v = condition(ctx);
                    tally = tally.Add(v.IsUnknown ? null : v.Boolean);
                }
                allocated[r] = GC.GetAllocatedBytesForCurrentThread() - bytes;
                var compiled = Cpu() - before;
                before = Cpu();
                var hand = default(Tally);
                foreach (var c in connections)
                    hand = hand.Add(lambda(c));
                var handTime = Cpu() - before;
                if (hand != tally)
                    throw new InvalidOperationException($"{rules[r].Id}: compiled {tally}, lambda {hand}");
                checksum += tally.Fail;
                if (round >= 0)
                {
                    compiledTimes[r].Add(compiled);
                    lambdaTimes[r].Add(handTime);
                }
            }
        }
        Console.WriteLine("| Rule | Condition | Compiled (best) | Lambda (best) | Allocated | Ratio (median) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        for (int r = 0; r < rules.Length; r++)
        {
            var ratios = compiledTimes[r].Zip(lambdaTimes[r], (a, b) => a / b).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rules[r].Id} | `{rules[r].Descriptor.Condition}` | {compiledTimes[r].Min():0.00} ms | {lambdaTimes[r].Min():0.00} ms | {allocated[r] / 1024.0:0.0} KB | {ratios[ratios.Count / 2]:0.00} |"));
        }
        Console.WriteLine($"// checksum {checksum}");
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
