using BenchmarkDotNet.Running;
using TuneAdvisor.Benchmarks;

// `--verify` checks that the compiled rules and the hand-written lambdas agree, without timing anything.
if (args is ["--verify"])
{
    new ConnectionRulesBenchmark().Setup();
    new CompileBuiltInBenchmark().Setup();
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ConnectionRulesBenchmark).Assembly).Run(args);
return 0;
