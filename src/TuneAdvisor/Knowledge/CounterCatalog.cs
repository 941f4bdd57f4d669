using System.Collections.Immutable;

namespace TuneAdvisor.Knowledge;

/// <summary>
/// Counter sections and well-known counter names (as /proc/net/netstat, snmp and snmp6 spell them, "Section.Name").
/// Unlisted names in a known section are accepted silently (kernels add columns); a near miss gets "did you mean".
/// </summary>
public static class CounterCatalog
{
    public static ImmutableArray<string> Sections { get; } =
        ["Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite", "TcpExt", "IpExt", "MPTcpExt", "Ip6", "Icmp6", "Udp6", "UdpLite6", "Conntrack"];

    public static ImmutableSortedSet<string> WellKnown { get; } = ImmutableSortedSet.Create(StringComparer.Ordinal,
        "TcpExt.ListenOverflows", "TcpExt.ListenDrops", "TcpExt.TCPReqQFullDrop", "TcpExt.TCPReqQFullDoCookies",
        "TcpExt.SyncookiesSent", "TcpExt.SyncookiesRecv", "TcpExt.SyncookiesFailed", "TcpExt.EmbryonicRsts",
        "TcpExt.TCPDeferAcceptDrop", "TcpExt.TCPMigrateReqFailure", "TcpExt.TCPTimeWaitOverflow", "TcpExt.TCPTimeouts",
        "TcpExt.TCPMemoryPressures", "TcpExt.TCPAbortOnMemory", "TcpExt.TCPRcvQDrop", "TcpExt.TCPZeroWindowDrop", "TcpExt.TCPBacklogDrop",
        "TcpExt.TW", "TcpExt.TCPSynRetrans", "TcpExt.TCPLostRetransmit", "TcpExt.TCPOFOQueue", "TcpExt.TCPAbortOnTimeout",
        "Tcp.RetransSegs", "Tcp.OutSegs", "Tcp.InSegs", "Tcp.InErrs", "Tcp.OutRsts", "Tcp.EstabResets", "Tcp.AttemptFails",
        "Tcp.ActiveOpens", "Tcp.PassiveOpens", "Tcp.CurrEstab", "Tcp.InCsumErrors",
        "Udp.InDatagrams", "Udp.OutDatagrams", "Udp.InErrors", "Udp.RcvbufErrors", "Udp.SndbufErrors", "Udp.NoPorts",
        "Udp6.InDatagrams", "Udp6.OutDatagrams", "Udp6.InErrors", "Udp6.RcvbufErrors", "Udp6.SndbufErrors", "Udp6.NoPorts",
        "Ip.InReceives", "Ip.InDiscards", "Ip.OutDiscards", "Ip.OutRequests", "Ip.ForwDatagrams",
        "IpExt.InOctets", "IpExt.OutOctets", "Conntrack.Drop", "Conntrack.EarlyDrop", "Conntrack.InsertFailed");
}
