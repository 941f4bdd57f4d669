using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Formats;

public static partial class CorpusSelector
{
    /// <summary>
    /// `nstat` and `nstat -j`: "counter_count" (counters read from the file) or a counter name as printed. A counter the
    /// file does not hold is unknown in the product; the corpus README's convention makes it 0 where the output was printed
    /// without -z (the parser says so in <see cref="NstatParser.NoZerosNote"/>), which is the only case the corpus asserts.
    /// </summary>
    private static string Nstat(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        if (selector == "counter_count")
            return Json(sample.Counters.Count + sample.CounterDeltas.Count);
        var key = NstatParser.CounterKey(selector) ?? throw new InvalidOperationException("not an nstat counter name: " + selector);
        if (sample.Counters.TryGetValue(key, out var total))
            return Json(total);
        if (sample.CounterDeltas.TryGetValue(key, out var delta))
            return Json(delta);
        Assert.Contains(sample.Notes, n => n.Message == NstatParser.NoZerosNote);
        return Json(0L);
    }
}
