using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection;

/// <summary>
/// Socket counts from /proc/net/sockstat and /proc/net/sockstat6 as gauges ("sockstat.TCP.tw",
/// "sockstat.sockets.used", "sockstat6.TCP6.inuse"): a cheap per-netns count of TIME_WAIT and orphaned sockets.
/// Sampled so that the gauges are read at the same moment as the counters they are compared with.
/// </summary>
public sealed class SockstatCollector : ICollector
{
    public string Name => "sockstat";

    public bool IsSampled => true;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var reader = new BoundedFileReader();
        foreach (var (file, prefix) in (ReadOnlySpan<(string, string)>)[("net/sockstat", "sockstat"), ("net/sockstat6", "sockstat6")])
        {
            var path = context.Proc(file);
            var status = reader.TryRead(path, out var text);
            if (status != ReadStatus.Ok)
            {
                if (prefix == "sockstat")
                    sample.Note(KnownDiagnostics.SourceUnavailable, path, $"{path} is unreadable ({status}); socket counts are unknown");
                else
                    sample.Note(KnownDiagnostics.InputNote, path, $"{path} is unreadable ({status}; IPv6 disabled?); IPv6 socket counts are unknown");
                continue;
            }
            var parsed = SockstatParser.Parse(text, path, prefix);
            foreach (var (key, value) in parsed.Values)
                sample.Gauges[key] = value;
            foreach (var d in parsed.Diagnostics)
                sample.Note(d);
            sample.Inputs.Add(path);
        }
    }
}
