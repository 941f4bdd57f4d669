using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Per-CPU backlog statistics from /proc/net/softnet_stat (processed, dropped when netdev_max_backlog is full,
/// time_squeeze, ...). The file is host-global: a child netns shows the same numbers as the host.
/// </summary>
public sealed class SoftnetCollector : ICollector
{
    public string Name => "softnet";

    public bool IsSampled => true;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var path = context.Proc("net/softnet_stat");
        var reader = new BoundedFileReader();
        var status = reader.TryRead(path, out var text);
        if (status != ReadStatus.Ok)
        {
            sample.Note(KnownDiagnostics.SourceUnavailable, path, $"{path} is unreadable ({status}); softnet drops and squeezes are unknown");
            return;
        }
        var parsed = SoftnetStatParser.Parse(text, path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        sample.Inputs.Add(path);
        if (parsed.Items.IsEmpty)
            return;
        sample.Softnet.AddRange(parsed.Items);
        sample.Capabilities.Add(SnapshotCapability.Softnet);
    }
}
