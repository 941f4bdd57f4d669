using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Collects a live host in one call. With an interval: the sampled collectors (counters, interfaces, softnet,
/// sockets, ...) read at t0; the static ones (host, sysctls) read once, straight after, into the final sample so their
/// problems show up early; then a wait until t0 + interval on <see cref="CollectionContext.Time"/> (a fake clock in
/// tests), reporting the fraction waited; then the sampled collectors again at t1. Rates use the real t1 − t0.
/// With a zero interval every collector reads once and the snapshot has no deltas.
/// When the collectors include <see cref="SockDiagCollector"/> over netlink, a <see cref="TcpDestroyWatch"/> listens
/// from just before t0 until the second sample is complete, so TCP connections that close inside the window still
/// count (<see cref="SystemSnapshot.ClosedConnections"/>, the peer table); when it cannot (no CAP_NET_ADMIN, a zero
/// interval, no netlink) a note says that such connections are not counted.
/// A collector that throws is a bug: it becomes a TA0210 note and diagnostic and the others go on.
/// </summary>
public static class HostCollection
{
    /// <summary>Progress is the fraction of the wait done (0..1), reported about 100 times, the last report being 1.</summary>
    public static async Task<(SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics)> CollectAsync(
        CollectionContext context,
        TimeSpan interval,
        IProgress<double>? progress = null,
        CancellationToken ct = default,
        IReadOnlyList<ICollector>? collectors = null,
        NetlinkGroupOpener? openDestroyEvents = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        collectors ??= CollectorRegistry.Default;
        var failures = ImmutableArray.CreateBuilder<Diagnostic>();
        var sampled = collectors.Where(c => c.IsSampled).ToList();
        var once = collectors.Where(c => !c.IsSampled).ToList();
        bool socketsSampled = sampled.Any(c => c is SockDiagCollector);

        if (interval == TimeSpan.Zero)
        {
            var only = new SampleBuilder(context.Time.GetUtcNow());
            Run(collectors, context, only, failures, ct);
            if (socketsSampled)
                only.Note(KnownDiagnostics.InputNote, TcpDestroyWatch.Location,
                    "one sample (interval 0): no sampling window, so there are no per-socket byte deltas or peer traffic, and short-lived connections are not counted");
            return Result(SnapshotAssembler.Assemble(SnapshotSource.Live, LiveLocation(only.Host), null, only), failures);
        }

        string whyNot = !socketsSampled ? "" : !context.UseNetlink ? "netlink is disabled by the collection context" : "";
        using var watch = socketsSampled && context.UseNetlink
            ? TcpDestroyWatch.TryStart(openDestroyEvents ?? TcpDestroyWatch.DefaultOpener, new SocketAddressFormatter(SockDiagCollector.InterfaceName), out whyNot)
            : null;

        var t0 = context.Time.GetUtcNow();
        var first = new SampleBuilder(t0);
        Run(sampled, context, first, failures, ct);
        watch?.MarkFirstSample();
        var last = new SampleBuilder(t0);
        Run(once, context, last, failures, ct);

        await WaitAsync(context.Time, t0 + interval, interval, progress, ct).ConfigureAwait(false);

        last.TakenAt = context.Time.GetUtcNow();
        Run(sampled, context, last, failures, ct);
        if (watch is not null)
            watch.Stop(last);
        else if (whyNot.Length > 0)
            last.Note(KnownDiagnostics.InputNote, TcpDestroyWatch.Location,
                $"short-lived TCP connections that open and close inside the sampling window are not counted in the peer table: {whyNot}");
        return Result(SnapshotAssembler.Assemble(SnapshotSource.Live, LiveLocation(last.Host), first, last), failures);
    }

    /// <summary>
    /// The snapshot with its diagnostics: the collector failures, and every note at warning level or above (an error
    /// note is a warning here: a live run records what it could not read as unknown and goes on), so what a live run
    /// could not see (another user's processes, a missing /proc file) is in every report and on standard error, not
    /// only in the snapshot's notes.
    /// </summary>
    private static (SystemSnapshot, ImmutableArray<Diagnostic>) Result(SystemSnapshot snapshot, ImmutableArray<Diagnostic>.Builder failures)
    {
        var notes = Formats.NoteDiagnostics.FromNotes(snapshot.Notes)
            .Where(d => d.Severity >= Severity.Warning)
            .Select(d => d.Severity > Severity.Warning ? d with { Severity = Severity.Warning } : d);
        return (snapshot, DiagnosticBag.Sort(failures.Concat(notes).Distinct()));
    }

    /// <summary>Which live system this was, as a report's Source line shows it: the host name and its network namespace.</summary>
    private static string LiveLocation(HostInfo host) =>
        (host.Hostname ?? "this host")
        + (host.NetworkNamespace is { } ns ? $", network namespace {ns}{(host.IsInitialNetworkNamespace == true ? " (the host's own)" : "")}" : "");

    private static void Run(IEnumerable<ICollector> collectors, CollectionContext context, SampleBuilder sample,
        ImmutableArray<Diagnostic>.Builder failures, CancellationToken ct)
    {
        foreach (var collector in collectors)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                collector.Collect(context, sample);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var d = Diagnostic.Create(KnownDiagnostics.CollectorFailed, SourceSpan.File(collector.Name),
                    $"collector '{collector.Name}' failed: {ex.GetType().Name}: {ex.Message}; its data is unknown");
                failures.Add(d);
                sample.Note(d);
            }
        }
    }

    private static async Task WaitAsync(TimeProvider time, DateTimeOffset until, TimeSpan interval, IProgress<double>? progress, CancellationToken ct)
    {
        var tick = TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 100, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(1).Ticks));
        progress?.Report(Fraction(time, until, interval));
        while (true)
        {
            var remaining = until - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
                break;
            await Task.Delay(remaining < tick ? remaining : tick, time, ct).ConfigureAwait(false);
            progress?.Report(Fraction(time, until, interval));
        }
        progress?.Report(1);
    }

    private static double Fraction(TimeProvider time, DateTimeOffset until, TimeSpan interval) =>
        Math.Clamp(1 - (until - time.GetUtcNow()) / interval, 0, 1);
}
