using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection;

public sealed class HostCollectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A sampled collector whose counters grow by a fixed step per call.</summary>
    private sealed class GrowingCollector : ICollector
    {
        public int Calls;
        public string Name => "growing";
        public bool IsSampled => true;

        public void Collect(CollectionContext context, SampleBuilder sample)
        {
            Calls++;
            sample.SetCounter("TcpExt.ListenOverflows", 100 + 5 * Calls, "fake");
            sample.SetCounter("Appears.Later", Calls, "fake"); // present in both samples
            if (Calls == 2)
                sample.SetCounter("Only.Last", 1, "fake");
            sample.Interfaces.Add(new InterfaceInfo
            {
                Name = "eth0", RxBytes = 1_000_000L * Calls, RxDropped = 3 * Calls, TxBytes = 10L * Calls,
                Statistics = new Dictionary<string, long> { ["rx_missed_errors"] = 2 * Calls }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            });
            if (Calls == 2)
                sample.Interfaces.Add(new InterfaceInfo { Name = "veth-new", RxBytes = 5 });
            // CPU 1's processed column wraps past 2^32 between the samples.
            sample.Softnet.Add(new SoftnetCpu { Cpu = 0, Processed = 1000 * Calls, Dropped = Calls - 1, TimeSqueeze = 0, ReceivedRps = 0, FlowLimitCount = 0 });
            sample.Softnet.Add(new SoftnetCpu { Cpu = 1, Processed = Calls == 1 ? 0xFFFFFFF0 : 0x10, Dropped = 0, TimeSqueeze = 7 * Calls });
            sample.Capabilities.Add(SnapshotCapability.Counters);
        }
    }

    private sealed class StaticCollector : ICollector
    {
        public int Calls;
        public string Name => "static";
        public bool IsSampled => false;

        public void Collect(CollectionContext context, SampleBuilder sample)
        {
            Calls++;
            sample.SetSysctl("net.core.somaxconn", "4096", "/proc/sys/net/core/somaxconn");
            sample.Host = sample.Host with { Kernel = "6.18.44" };
        }
    }

    private sealed class ThrowingCollector : ICollector
    {
        public string Name => "broken";
        public bool IsSampled => true;
        public void Collect(CollectionContext context, SampleBuilder sample) => throw new InvalidDataException("bug");
    }

    private sealed class ListProgress : IProgress<double>
    {
        public readonly List<double> Values = new();

        public int Count
        {
            get
            {
                lock (Values)
                    return Values.Count;
            }
        }

        public void Report(double value)
        {
            lock (Values)
                Values.Add(value);
        }
    }

    [Fact]
    public async Task Two_samples_on_a_fake_clock_give_deltas_over_the_real_interval()
    {
        var time = new FakeTimeProvider(Start);
        var growing = new GrowingCollector();
        var once = new StaticCollector();
        var progress = new ListProgress();

        var task = HostCollection.CollectAsync(new CollectionContext { Time = time }, TimeSpan.FromSeconds(10), progress, collectors: [growing, once]);
        Assert.False(task.IsCompleted);
        Assert.Equal(1, growing.Calls);
        Assert.Equal(1, once.Calls); // static collectors run straight after the first sample

        // Lockstep with the sampling loop, whose continuations run on pool threads: step the clock by one tick, then
        // wait (in real time) for the progress report that the loop makes before it waits again. A clock that ran
        // ahead stretched the interval under load (14.5 s seen) and skipped progress reports (3 seen).
        for (int i = 0; i < 100 && !task.IsCompleted; i++)
        {
            int before = progress.Count;
            time.Advance(TimeSpan.FromMilliseconds(100));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (progress.Count == before && !task.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(5))
                await Task.Delay(1);
        }
        var (snapshot, diagnostics) = await task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(diagnostics);
        Assert.Equal(2, growing.Calls);
        Assert.Equal(1, once.Calls);
        Assert.Equal(10.0, snapshot.IntervalSeconds);
        Assert.Equal(Start, snapshot.CapturedAt);
        Assert.Equal("live", snapshot.Source.Kind);
        Assert.Contains(SnapshotCapability.Rates, snapshot.Source.Capabilities);
        Assert.Equal("4096", snapshot.Sysctls["net.core.somaxconn"].Value);
        Assert.Equal("6.18.44", snapshot.Host.Kernel);

        Assert.Equal(110L, snapshot.Counters["TcpExt.ListenOverflows"]);
        Assert.Equal(5L, snapshot.Deltas!["TcpExt.ListenOverflows"]);
        Assert.False(snapshot.Deltas.ContainsKey("Only.Last"));

        var eth0 = snapshot.Interfaces.Single(i => i.Name == "eth0");
        Assert.Equal(1_000_000L, eth0.Deltas!["rxBytes"]);
        Assert.Equal(3L, eth0.Deltas["rxDropped"]);
        Assert.Equal(2L, eth0.Deltas["rx_missed_errors"]);
        Assert.Null(snapshot.Interfaces.Single(i => i.Name == "veth-new").Deltas);

        Assert.Equal(1000L, snapshot.Softnet[0].Deltas!["processed"]);
        Assert.Equal(1L, snapshot.Softnet[0].Deltas!["dropped"]);
        Assert.Equal(0x20L, snapshot.Softnet[1].Deltas!["processed"]);
        Assert.Equal(7L, snapshot.Softnet[1].Deltas!["timeSqueeze"]);

        Assert.Equal(1.0, progress.Values[^1]);
        Assert.True(progress.Values.Count >= 50, $"{progress.Values.Count} progress reports");
        Assert.Equal(progress.Values.Order(), progress.Values);
        Assert.Contains(progress.Values, v => v is > 0.4 and < 0.6);
    }

    [Fact]
    public async Task A_zero_interval_takes_one_sample_without_deltas()
    {
        var growing = new GrowingCollector();
        var once = new StaticCollector();
        var time = new FakeTimeProvider(Start);

        var (snapshot, diagnostics) = await HostCollection.CollectAsync(new CollectionContext { Time = time }, TimeSpan.Zero, collectors: [growing, once]);

        Assert.Empty(diagnostics);
        Assert.Equal((1, 1), (growing.Calls, once.Calls));
        Assert.Null(snapshot.Deltas);
        Assert.Null(snapshot.IntervalSeconds);
        Assert.Null(snapshot.Interfaces[0].Deltas);
        Assert.DoesNotContain(SnapshotCapability.Rates, snapshot.Source.Capabilities);
        Assert.Equal(105L, snapshot.Counters["TcpExt.ListenOverflows"]);
    }

    [Fact]
    public async Task A_collector_that_throws_becomes_a_diagnostic_and_a_note()
    {
        var growing = new GrowingCollector();
        var (snapshot, diagnostics) = await HostCollection.CollectAsync(new CollectionContext(), TimeSpan.Zero, collectors: [new ThrowingCollector(), growing]);

        var d = Assert.Single(diagnostics);
        Assert.Equal("broken: warning TA0210: collector 'broken' failed: InvalidDataException: bug; its data is unknown", d.ToString());
        Assert.Contains(snapshot.Notes, n => n.Id == "TA0210");
        Assert.Equal(1, growing.Calls);
    }

    [Fact]
    public async Task Cancellation_during_the_wait_stops_the_collection()
    {
        var time = new FakeTimeProvider(Start);
        using var cts = new CancellationTokenSource();
        var growing = new GrowingCollector();

        var task = HostCollection.CollectAsync(new CollectionContext { Time = time }, TimeSpan.FromSeconds(10), null, cts.Token, [growing]);
        time.Advance(TimeSpan.FromSeconds(1));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(1, growing.Calls);
    }

    [Fact]
    public async Task The_default_collectors_over_a_fixture_tree_build_a_snapshot_with_rates()
    {
        using var tree = new TempTree();
        tree.Write("proc/net/dev", TestFiles.Read("Proc", "kernel-6.18-netns", "dev"));
        tree.Write("proc/net/softnet_stat", TestFiles.Read("Proc", "kernel-6.18-netns", "softnet_stat"));
        tree.Write("proc/net/sockstat", TestFiles.Read("Proc", "kernel-6.18-netns", "sockstat"));
        tree.Write("proc/net/snmp", TestFiles.Read("Proc", "kernel-6.18-netns", "snmp"));
        tree.Write("proc/net/netstat", TestFiles.Read("Proc", "kernel-6.18-netns", "netstat"));
        tree.Write("proc/sys/net/core/somaxconn", "4096\n");
        tree.Write("proc/sys/kernel/osrelease", "6.18.44-test\n");
        var context = new CollectionContext
        {
            ProcRoot = tree.PathOf("proc"), SysRoot = tree.PathOf("sys"), ConfigRoot = tree.Root,
            Time = new FakeTimeProvider(Start), UseNetlink = false, MapProcesses = false,
        };
        var time = (FakeTimeProvider)context.Time;

        var task = HostCollection.CollectAsync(context, TimeSpan.FromSeconds(2));
        while (!task.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Yield();
        }
        var (snapshot, diagnostics) = await task;

        // No collector failed; what a fixture tree lacks is a warning (live notes at warning level are diagnostics too).
        Assert.DoesNotContain(diagnostics, d => d.Id == Diagnostics.KnownDiagnostics.CollectorFailed.Id || d.Severity == Diagnostics.Severity.Error);
        // The loop above keeps the fake clock moving until the continuation runs, which under a loaded test run
        // can be later than t0 + 2 s; the interval is the clock's real distance between the samples, never less.
        Assert.InRange(snapshot.IntervalSeconds!.Value, 2.0, 3600);
        Assert.Equal("6.18.44-test", snapshot.Host.Kernel);
        Assert.Equal("4096", snapshot.Sysctls["net.core.somaxconn"].Value);
        Assert.Equal(0L, snapshot.Deltas!["Tcp.OutSegs"]);
        Assert.Equal(["lo", "vc1", "veth-capture0"], snapshot.Interfaces.Select(i => i.Name));
        Assert.Equal(0L, snapshot.Interfaces[2].Deltas!["rxBytes"]);
        Assert.Equal(1L, snapshot.Gauges["sockstat.TCP.tw"]);
        foreach (var capability in (SnapshotCapability[])[SnapshotCapability.Sysctls, SnapshotCapability.Counters, SnapshotCapability.Interfaces, SnapshotCapability.Softnet, SnapshotCapability.Rates])
            Assert.Contains(capability, snapshot.Source.Capabilities);
        Assert.DoesNotContain(SnapshotCapability.Conntrack, snapshot.Source.Capabilities);
        Assert.DoesNotContain(snapshot.Gauges.Keys, k => k.StartsWith("conntrack.", StringComparison.Ordinal));
    }
}
