using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>The cumulative per-CPU columns (softnet_stat's, and the NET_RX/NET_TX softirq counts) by their JSON names, for deltas.</summary>
public static class SoftnetFields
{
    public static Dictionary<string, long> Numeric(SoftnetCpu c)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        if (c.Processed is { } processed) map["processed"] = processed;
        if (c.Dropped is { } dropped) map["dropped"] = dropped;
        if (c.TimeSqueeze is { } squeeze) map["timeSqueeze"] = squeeze;
        if (c.ReceivedRps is { } rps) map["receivedRps"] = rps;
        if (c.FlowLimitCount is { } flow) map["flowLimitCount"] = flow;
        if (c.NetRx is { } rx) map["netRx"] = rx;
        if (c.NetTx is { } tx) map["netTx"] = tx;
        return map;
    }
}
