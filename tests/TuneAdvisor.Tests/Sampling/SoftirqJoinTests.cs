using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Sampling;

/// <summary>/proc/softirqs counts joined onto the softnet_stat records by CPU id, and their deltas over two samples.</summary>
public sealed class SoftirqJoinTests
{
    private static SampleBuilder Sample(int seconds, SoftnetCpu[] softnet, SoftirqCounts[] softirqs)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch.AddSeconds(seconds));
        sample.Softnet.AddRange(softnet);
        sample.Softirqs.AddRange(softirqs);
        return sample;
    }

    [Fact]
    public void Counts_go_onto_the_cpu_of_the_same_id_and_a_cpu_softnet_stat_does_not_list_is_left_out()
    {
        // softnet_stat lists online CPUs 0 and 2; /proc/softirqs prints every possible CPU, 0 to 3.
        var sample = Sample(0,
            [new SoftnetCpu { Cpu = 0, Processed = 10, Dropped = 0, TimeSqueeze = 0 }, new SoftnetCpu { Cpu = 2, Processed = 20, Dropped = 1, TimeSqueeze = 0 }],
            [new SoftirqCounts(0, 100, 7), new SoftirqCounts(1, 5, 0), new SoftirqCounts(2, 300, 9), new SoftirqCounts(3, 0, 0)]);

        var snapshot = SnapshotAssembler.Assemble("raw", "x", null, sample);

        Assert.Equal([(0, 10L, 100L, 7L), (2, 20L, 300L, 9L)], snapshot.Softnet.Select(c => (c.Cpu, c.Processed!.Value, c.NetRx!.Value, c.NetTx!.Value)));
    }

    [Fact]
    public void A_cpu_without_a_softirqs_column_keeps_unknown_counts_never_zero()
    {
        var sample = Sample(0,
            [new SoftnetCpu { Cpu = 0, Processed = 10, Dropped = 0, TimeSqueeze = 0 }, new SoftnetCpu { Cpu = 1, Processed = 20, Dropped = 0, TimeSqueeze = 0 }],
            [new SoftirqCounts(0, 100, null)]);

        var snapshot = SnapshotAssembler.Assemble("raw", "x", null, sample);

        Assert.Equal<long?[]>([100, null], [.. snapshot.Softnet.Select(c => c.NetRx)]);
        Assert.Equal<long?[]>([null, null], [.. snapshot.Softnet.Select(c => c.NetTx)]);
    }

    [Fact]
    public void Softirqs_alone_give_one_record_per_cpu_with_the_softnet_columns_unknown()
    {
        var sample = Sample(0, [], [new SoftirqCounts(1, 40, 2), new SoftirqCounts(0, 30, 1)]);

        var cpus = SnapshotAssembler.Assemble("raw", "x", null, sample).Softnet;

        Assert.Equal([0, 1], cpus.Select(c => c.Cpu));
        Assert.Equal<long?[]>([30, 40], [.. cpus.Select(c => c.NetRx)]);
        Assert.All(cpus, c => Assert.Equal<long?[]>([null, null, null], [c.Processed, c.Dropped, c.TimeSqueeze]));
    }

    [Fact]
    public void Two_samples_give_per_cpu_deltas_with_one_u32_wrap_undone()
    {
        var first = Sample(0, [new SoftnetCpu { Cpu = 0, Processed = 1, Dropped = 0, TimeSqueeze = 0 }, new SoftnetCpu { Cpu = 1, Processed = 1, Dropped = 0, TimeSqueeze = 0 }],
            [new SoftirqCounts(0, 1000, 10), new SoftirqCounts(1, 4294967290, 20)]);
        var last = Sample(10, [new SoftnetCpu { Cpu = 0, Processed = 3, Dropped = 0, TimeSqueeze = 0 }, new SoftnetCpu { Cpu = 1, Processed = 1, Dropped = 0, TimeSqueeze = 0 }],
            [new SoftirqCounts(0, 1900, 12), new SoftirqCounts(1, 4, 20)]);

        var snapshot = SnapshotAssembler.Assemble("live", "/", first, last);

        Assert.Equal([900L, 10L], snapshot.Softnet.Select(c => c.Deltas!["netRx"]));
        Assert.Equal([2L, 0L], snapshot.Softnet.Select(c => c.Deltas!["netTx"]));
        Assert.Equal(2L, snapshot.Softnet[0].Deltas!["processed"]);
    }

    [Fact]
    public void A_count_missing_from_either_sample_has_no_delta()
    {
        var first = Sample(0, [new SoftnetCpu { Cpu = 0, Processed = 1, Dropped = 0, TimeSqueeze = 0 }], [new SoftirqCounts(0, null, 10)]);
        var last = Sample(10, [new SoftnetCpu { Cpu = 0, Processed = 2, Dropped = 0, TimeSqueeze = 0 }], [new SoftirqCounts(0, 500, 11)]);

        var cpu = Assert.Single(SnapshotAssembler.Assemble("live", "/", first, last).Softnet);

        Assert.False(cpu.Deltas!.ContainsKey("netRx"));
        Assert.Equal(1L, cpu.Deltas["netTx"]);
        Assert.Equal(500L, cpu.NetRx);
    }
}
