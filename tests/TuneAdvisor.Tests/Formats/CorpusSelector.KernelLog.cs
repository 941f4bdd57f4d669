using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Formats;

public static partial class CorpusSelector
{
    /// <summary>A kernel log: "conntrack_table_full_messages" is the gauge the parser records; "line_count" the lines it read.</summary>
    private static string KernelLogValue(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        return selector switch
        {
            "conntrack_table_full_messages" => Json(sample.Gauges[KernelLogParser.ConntrackTableFullGauge]),
            "line_count" => Json(KernelLog.Read(text).LineCount),
            _ => throw new InvalidOperationException("unknown kernel log selector " + selector),
        };
    }
}
