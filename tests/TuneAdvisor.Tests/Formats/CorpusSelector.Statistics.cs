using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;

namespace TuneAdvisor.Tests.Formats;

/// <summary>`netstat -s` selectors: "Tcp.RetransSegs", "snapshot_count", "snapshot[1].TcpExt.ListenOverflows", "block[server3].TcpExt.ListenDrops".</summary>
public static partial class CorpusSelector
{
    private static string Statistics(NetstatStatisticsParser parser, string text, string file, string selector)
    {
        var runs = parser.ParseRuns(text, file, DateTimeOffset.UnixEpoch).Where(r => r.Sample.Counters.Count > 0).ToList();
        if (selector == "snapshot_count")
            return Json(runs.Count);
        if (selector.StartsWith("snapshot[", StringComparison.Ordinal) || selector.StartsWith("block[", StringComparison.Ordinal))
        {
            int open = selector.IndexOf('['), close = selector.IndexOf(']');
            var index = selector[(open + 1)..close];
            var counter = selector[(close + 2)..];
            var run = selector[0] == 's'
                ? runs[int.Parse(index, System.Globalization.CultureInfo.InvariantCulture)]
                : runs.Last(r => r.Label == index);
            return Json(StatisticsCounter(run, counter));
        }
        var sample = new TuneAdvisor.Sampling.SampleBuilder(DateTimeOffset.UnixEpoch);
        parser.Parse(text, file, sample);
        return Json(sample.Counters.TryGetValue(selector, out var v) ? v : StatisticsCounter(runs[^1], selector));
    }

    /// <summary>
    /// The README's convention "a counter whose line is absent is 0" holds where net-tools would have printed the line: in
    /// a section whose header is in that run, or, for an excerpt pasted without headers (`netstat -s | grep listen`),
    /// in a section some of whose lines the excerpt holds: the grep would have kept the absent line had net-tools printed
    /// it. This is the corpus convention only: the snapshot keeps such a counter unknown, since the reader cannot know
    /// what the grep pattern was. Any other absent counter is unknown, and the check fails.
    /// </summary>
    private static long StatisticsCounter(InputRun run, string counter)
    {
        if (run.Sample.Counters.TryGetValue(counter, out var value))
            return value;
        var section = counter[..counter.IndexOf('.')];
        if (run.Headers.Contains(section) || run.HeaderlessSections.Contains(section))
            return 0;
        throw new InvalidOperationException($"{counter} is unknown in the run at line {run.FirstLine}: neither it nor its section is in the data");
    }
}
