using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Per-CPU NET_RX and NET_TX softirq counts from /proc/softirqs, read at both samples so rules see how the network
/// softirq work of the window was spread over the CPUs. The file is host-wide (not per network namespace): a
/// container sees the host's CPUs. The counts are joined onto the softnet_stat CPUs when the snapshot is assembled.
/// </summary>
public sealed class SoftirqsCollector : ICollector
{
    public string Name => "softirqs";

    public bool IsSampled => true;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var path = context.Proc("softirqs");
        var status = new BoundedFileReader().TryRead(path, out var text);
        if (status != ReadStatus.Ok)
        {
            sample.Note(KnownDiagnostics.SourceUnavailable, path, $"{path} is unreadable ({status}); NET_RX/NET_TX softirq counts per CPU are unknown");
            return;
        }
        var parsed = SoftirqsParser.Parse(text, path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        sample.Inputs.Add(path);
        if (parsed.Items.IsEmpty)
            return;
        sample.Softirqs.AddRange(parsed.Items);
        sample.Capabilities.Add(SnapshotCapability.Softirqs);
    }
}
