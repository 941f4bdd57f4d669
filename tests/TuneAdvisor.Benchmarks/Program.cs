using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using TuneAdvisor.Benchmarks;
using TuneAdvisor.Rules;

switch (args)
{
    case ["--verify"]:
        // Checks that the compiled rules and the hand-written lambdas agree, without timing anything.
        new ConnectionRulesBenchmark().Setup();
        new CompileBuiltInBenchmark().Setup();
        return 0;
    case ["--cold-compile"]:
        // The first RuleSet.Load in a fresh process, JIT compilation included: what one CLI run pays (unless published AOT).
        var watch = Stopwatch.StartNew();
        var set = RuleSet.Load(builtIn: true, []);
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold RuleSet.Load(builtIn: true): {watch.Elapsed.TotalMilliseconds:0.0} ms for {set.Rules.Length} rules"));
        return 0;
    case ["--per-rule", ..]:
        // Each rule's compiled condition against its own lambda: where the time goes.
        PerRuleRunner.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        return 0;
    case ["--cpu-time", ..]:
        CpuTimeRunner.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5, args.Length > 2 ? args[2] : null);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ConnectionRulesBenchmark).Assembly).Run(args);
        return 0;
}
