using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Formats;

namespace TuneAdvisor.Tests.Sources.Captures;

/// <summary>
/// The real commands, run now in a namespace built by <see cref="CaptureScenario"/>, parsed at once. With
/// TA_WRITE_CAPTURES=folder the outputs are also written there (that is how TestFiles/Captures was made).
/// </summary>
public sealed class OfflineLiveTests
{
    [LiveFact]
    public void Live_output_of_every_command_is_detected_and_read()
    {
        using var scenario = new CaptureScenario();
        var target = Environment.GetEnvironmentVariable("TA_WRITE_CAPTURES");
        var captures = scenario.CaptureAll(full: !string.IsNullOrEmpty(target));
        if (!string.IsNullOrEmpty(target))
            foreach (var (name, text) in captures)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, name))!);
                File.WriteAllText(Path.Combine(target, name), text);
            }

        foreach (var (name, text) in captures)
        {
            if (CaptureFiles.ExpectedKind(name) is not { } kind)
                continue;
            var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
            var parser = InputParserRegistry.Default.Parse(text, name, sample);
            Assert.True(parser?.Kind == kind, $"{name} detected as {parser?.Kind ?? "nothing"}, expected {kind}");
            var problems = NoteDiagnostics.FromNotes(sample.Notes).Where(d => d.Severity >= Severity.Warning);
            Assert.Empty(problems);
        }

        // The overflowing listener: ss knows the limit (Send-Q 4) and the accept queue (limit + 1); netstat only the queue.
        var ss = Parse(captures["ss_-ltnp.txt"], "ss_-ltnp.txt");
        var overflowing = Assert.Single(ss.Listeners, l => l.Local == "127.0.0.1:9090");
        Assert.Equal((5L, 4L), (overflowing.RecvQ, overflowing.SendQ));
        Assert.Equal(["ta-server", "ta-worker"], overflowing.Processes.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(SnapshotCapability.ListenerBacklog, ss.Capabilities);
        Assert.Single(ss.Listeners, l => l.Local == "[fe80::1]%ta0:7000" && l.Address == "fe80::1" && l.Port == 7000);

        var netstat = Parse(captures["netstat_-lnt.txt"], "netstat_-lnt.txt");
        var fromProc = Assert.Single(netstat.Listeners, l => l.Local == "127.0.0.1:9090");
        Assert.Equal(5, fromProc.RecvQ);
        Assert.Null(fromProc.SendQ);
        Assert.DoesNotContain(SnapshotCapability.ListenerBacklog, netstat.Capabilities);

        var delta = new SampleBuilder(DateTimeOffset.UnixEpoch);
        new NstatParser(NstatMode.Delta).Parse(captures["nstat_delta.txt"], "nstat_delta.txt", delta);
        Assert.True(delta.CounterDeltas["TcpExt.ListenOverflows"] >= 1);
        Assert.Empty(delta.Counters);

        // "(overflow)" is printed only for increments: read as a delta even without a hint.
        var overflow = Parse(captures["nstat_overflow.txt"], "nstat_overflow.txt");
        Assert.True(overflow.CounterDeltas.ContainsKey("Tcp.InSegs"));
        Assert.Empty(overflow.Counters);
    }

    private static SampleBuilder Parse(string text, string name)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        InputParserRegistry.Default.Parse(text, name, sample);
        return sample;
    }
}
