using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TuneAdvisor.Benchmarks;

/// <summary>
/// A short job (3 warm-up and 3 measured iterations) run inside this process. The default out-of-process
/// toolchain rebuilds the project, which takes over two minutes on a 2-core machine; `dotnet run -c Release`
/// already built it optimised, so measuring in-process costs only some isolation and keeps a run to minutes.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
