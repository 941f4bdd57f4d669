using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Connection tracking fill and drops: the gauges "conntrack.count" (per netns) and "conntrack.max" (global) from
/// /proc/sys/net/netfilter/nf_conntrack_{count,max}, and the per-CPU /proc/net/stat/nf_conntrack summed into counters
/// ("Conntrack.Drop", "Conntrack.EarlyDrop", "Conntrack.InsertFailed", ...). The keys exist only while the nf_conntrack
/// module is loaded (domain-facts §6 rule 29): without it there is a note, no capability and no zeros.
/// </summary>
public sealed class ConntrackCollector : ICollector
{
    public string Name => "conntrack";

    public bool IsSampled => true;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var reader = new BoundedFileReader();
        var countPath = context.Proc("sys/net/netfilter/nf_conntrack_count");
        var status = reader.TryRead(countPath, out var countText);
        if (status == ReadStatus.Missing)
        {
            sample.Note(KnownDiagnostics.InputNote, countPath, $"{countPath} does not exist: the nf_conntrack module is not loaded, so connection tracking is unknown (and not in use)");
            return;
        }
        if (status != ReadStatus.Ok || !TryParse(countText, out var count))
        {
            sample.Note(KnownDiagnostics.SourceUnavailable, countPath, $"{countPath} is unreadable ({status}); conntrack fill is unknown");
            return;
        }
        sample.Gauges["conntrack.count"] = count;
        sample.Inputs.Add(countPath);
        sample.Capabilities.Add(SnapshotCapability.Conntrack);

        var maxPath = context.Proc("sys/net/netfilter/nf_conntrack_max");
        if (reader.TryRead(maxPath, out var maxText) == ReadStatus.Ok && TryParse(maxText, out var max))
        {
            sample.Gauges["conntrack.max"] = max;
            sample.Inputs.Add(maxPath);
        }
        else
            sample.Note(KnownDiagnostics.SourceUnavailable, maxPath, $"{maxPath} is unreadable; the conntrack table size is unknown");

        var statPath = context.Proc("net/stat/nf_conntrack");
        if (reader.TryRead(statPath, out var statText) != ReadStatus.Ok)
        {
            sample.Note(KnownDiagnostics.InputNote, statPath, $"{statPath} is unreadable; conntrack drop counters are unknown");
            return;
        }
        var parsed = ConntrackStatParser.Parse(statText, statPath);
        foreach (var (key, value) in parsed.Values)
            sample.SetCounter(key, value, statPath);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        sample.Inputs.Add(statPath);
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
