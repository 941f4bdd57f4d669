using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>The cumulative counters of an interface by their JSON names, for deltas and for rule member access.</summary>
public static class InterfaceFields
{
    public static Dictionary<string, long> Numeric(InterfaceInfo i)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        void Put(string name, long? value)
        {
            if (value is { } v) map[name] = v;
        }
        Put("rxBytes", i.RxBytes); Put("rxPackets", i.RxPackets); Put("rxErrors", i.RxErrors); Put("rxDropped", i.RxDropped);
        Put("rxFifo", i.RxFifo); Put("rxFrame", i.RxFrame); Put("rxCompressed", i.RxCompressed); Put("rxMulticast", i.RxMulticast);
        Put("txBytes", i.TxBytes); Put("txPackets", i.TxPackets); Put("txErrors", i.TxErrors); Put("txDropped", i.TxDropped);
        Put("txFifo", i.TxFifo); Put("txCollisions", i.TxCollisions); Put("txCarrier", i.TxCarrier); Put("txCompressed", i.TxCompressed);
        foreach (var (name, value) in i.Statistics)
            map[name] = value;
        return map;
    }
}
