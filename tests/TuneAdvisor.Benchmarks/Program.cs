using BenchmarkDotNet.Running;
using TuneAdvisor.Benchmarks;

switch (args)
{
    case ["--verify"]:
        // Checks that the compiled rules and the hand-written lambdas agree, without timing anything.
        new ConnectionRulesBenchmark().Setup();
        new CompileBuiltInBenchmark().Setup();
        return 0;
    case ["--cpu-time", ..]:
        CpuTimeRunner.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, args.Length > 2 ? args[2] : null);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ConnectionRulesBenchmark).Assembly).Run(args);
        return 0;
}
