using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>The cumulative columns of a softnet_stat line by their JSON names, for deltas.</summary>
public static class SoftnetFields
{
    public static Dictionary<string, long> Numeric(SoftnetCpu c)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["processed"] = c.Processed,
            ["dropped"] = c.Dropped,
            ["timeSqueeze"] = c.TimeSqueeze,
        };
        if (c.ReceivedRps is { } rps) map["receivedRps"] = rps;
        if (c.FlowLimitCount is { } flow) map["flowLimitCount"] = flow;
        return map;
    }
}
