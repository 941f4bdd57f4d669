namespace TuneAdvisor.Sampling;

/// <summary>
/// One CPU's column of the NET_RX and NET_TX rows of /proc/softirqs, as read: the CPU id is the header's ("CPU3"),
/// and a count is null when its row is missing or its number was cut. <see cref="SoftirqJoin"/> puts it on the CPU's
/// softnet record.
/// </summary>
public sealed record SoftirqCounts(int Cpu, long? NetRx, long? NetTx);
