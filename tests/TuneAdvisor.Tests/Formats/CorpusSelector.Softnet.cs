using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

public static partial class CorpusSelector
{
    /// <summary>
    /// /proc/net/softnet_stat: "row_count", "column_count" (values per row: every row must have the same count),
    /// "row[N].processed|dropped|time_squeeze" (the N-th line, 0-based) and "total[FIELD]" over all rows.
    /// </summary>
    private static string Softnet(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        var rows = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0).ToList();
        Assert.Equal(rows.Count, sample.Softnet.Count);   // every line was read, so row N is the N-th CPU read
        if (selector == "row_count")
            return Json(sample.Softnet.Count);
        if (selector == "column_count")
            return Json(rows.Select(r => r.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length).Distinct().Single());
        int open = selector.IndexOf('['), close = selector.IndexOf(']');
        var inside = selector[(open + 1)..close];
        return selector[..open] switch
        {
            "row" => Json(Field(sample.Softnet[int.Parse(inside, System.Globalization.CultureInfo.InvariantCulture)], selector[(close + 2)..])),
            "total" => Json(sample.Softnet.Sum(c => Field(c, inside))),
            _ => throw new InvalidOperationException("unknown softnet_stat selector " + selector),
        };
    }

    private static long Field(SoftnetCpu cpu, string field) => (field switch
    {
        "processed" => cpu.Processed,
        "dropped" => cpu.Dropped,
        "time_squeeze" => cpu.TimeSqueeze,
        _ => throw new InvalidOperationException("unknown softnet_stat field " + field),
    }) ?? throw new InvalidOperationException($"CPU {cpu.Cpu}'s {field} was not read");
}
