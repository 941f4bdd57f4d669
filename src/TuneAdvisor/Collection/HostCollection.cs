using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Collects a live host: every collector at t0, a wait of <c>interval</c> on the injected clock, the sampled
/// collectors again at t1, then assembles the snapshot (rates from the two samples). interval 0 takes one sample.
/// </summary>
public static class HostCollection
{
    public static async Task<(SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics)> CollectAsync(
        CollectionContext context, TimeSpan interval, IProgress<double>? progress, CancellationToken ct,
        IReadOnlyList<ICollector>? collectors = null)
    {
        collectors ??= CollectorRegistry.Default;
        SampleBuilder? first = null;
        if (interval > TimeSpan.Zero)
        {
            first = new SampleBuilder(context.Time.GetUtcNow());
            Run(collectors.Where(c => c.IsSampled), context, first);
            await WaitAsync(context.Time, interval, progress, ct).ConfigureAwait(false);
        }
        var last = new SampleBuilder(context.Time.GetUtcNow());
        Run(collectors, context, last);
        var snapshot = SnapshotAssembler.Assemble(SnapshotSource.Live, "/", first, last);
        return (snapshot, []);
    }

    private static void Run(IEnumerable<ICollector> collectors, CollectionContext context, SampleBuilder sample)
    {
        foreach (var collector in collectors)
        {
            try
            {
                collector.Collect(context, sample);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                sample.Note(KnownDiagnostics.CollectorFailed, null, $"collector {collector.Name} failed: {ex.Message}");
            }
        }
    }

    private static async Task WaitAsync(TimeProvider time, TimeSpan interval, IProgress<double>? progress, CancellationToken ct)
    {
        var step = TimeSpan.FromMilliseconds(Math.Clamp(interval.TotalMilliseconds / 50, 20, 250));
        var start = time.GetTimestamp();
        while (true)
        {
            var elapsed = time.GetElapsedTime(start);
            progress?.Report(Math.Min(1, elapsed / interval));
            if (elapsed >= interval)
                return;
            var remaining = interval - elapsed;
            await Task.Delay(remaining < step ? remaining : step, time, ct).ConfigureAwait(false);
        }
    }
}
