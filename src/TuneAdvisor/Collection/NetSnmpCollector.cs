using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>Cumulative protocol counters: /proc/net/netstat (TcpExt, IpExt, MPTcpExt), /proc/net/snmp and /proc/net/snmp6.</summary>
public sealed class NetSnmpCollector : ICollector
{
    private static readonly string[] Files = ["net/netstat", "net/snmp", "net/snmp6"];

    public string Name => "counters";

    public bool IsSampled => true;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        bool any = false;
        foreach (var file in Files)
        {
            var path = context.Proc(file);
            var text = ProcFile.TryRead(path, sample);
            if (text is null)
                continue;
            any = true;
            var parsed = CounterTableParser.Parse(text, path);
            foreach (var (key, value) in parsed.Values)
                sample.SetCounter(key, value, path);
            foreach (var d in parsed.Diagnostics)
                sample.Note(d);
            sample.Inputs.Add(path);
        }
        if (any)
            sample.Capabilities.Add(SnapshotCapability.Counters);
    }
}
