using System.Collections.Frozen;

namespace TuneAdvisor.Collection.Offline;

/// <summary>
/// The `netstat -s` wordings mapped to kernel MIB names, as data. Source: net-tools statistics.c (the Iptab, Icmptab,
/// Tcptab, Udptab, Tcpexttab, Ip6tab, Icmp6tab and Udp6tab tables; the 1.60 spellings "retransmited" and "packetes"
/// and the 2.10 spellings are both listed). "%llu" stands for the number. Lines net-tools has no wording for are
/// printed as "Name: value" and need no table. Histogram entries (ICMP input/output histogram) are listed under
/// the pseudo-sections "Icmp&lt;" and "Icmp&gt;" (and "Icmp6&lt;", "Icmp6&gt;").
/// </summary>
public static class NetstatStatisticsTable
{
    /// <summary>(section, wording) → counter key "Section.Mib".</summary>
    public static FrozenDictionary<(string Section, string Wording), string> Wordings => s_wordings;

    /// <summary>
    /// TcpExt counters that net-tools leaves out when they are 0 (type opt_number, or printed as "Name: value" only when
    /// non-zero) and that every kernel since 3.x has. When a TcpExt section is present and every line in it was
    /// understood, an absent one of these is 0 (the corpus: "TcpExt.ListenOverflows = 0 — no 'listen queue' line").
    /// </summary>
    public static IReadOnlyList<string> TcpExtOmittedWhenZero { get; } =
    [
        "ListenOverflows", "ListenDrops", "TCPReqQFullDrop", "TCPReqQFullDoCookies", "SyncookiesSent", "SyncookiesRecv",
        "SyncookiesFailed", "EmbryonicRsts", "TCPDeferAcceptDrop", "TCPTimeWaitOverflow", "TCPMemoryPressures",
        "TCPAbortOnMemory", "TCPAbortOnData", "TCPAbortOnClose", "TCPAbortOnTimeout", "TCPTimeouts", "TCPBacklogDrop",
        "TCPSynRetrans", "PruneCalled", "RcvPruned", "OfoPruned", "TW",
    ];

    private static readonly (string Section, string Mib, string Wording)[] Rows =
    [
        ("Ip", "DefaultTTL", "Default TTL is %llu"),
        ("Ip", "ForwDatagrams", "%llu forwarded"),
        ("Ip", "FragCreates", "%llu fragments created"),
        ("Ip", "FragFails", "%llu outgoing packets failed fragmentation"),
        ("Ip", "FragOKs", "%llu outgoing packets fragmented ok"),
        ("Ip", "InAddrErrors", "%llu with invalid addresses"),
        ("Ip", "InDelivers", "%llu incoming packets delivered"),
        ("Ip", "InDiscards", "%llu incoming packets discarded"),
        ("Ip", "InHdrErrors", "%llu with invalid headers"),
        ("Ip", "InReceives", "%llu total packets received"),
        ("Ip", "InUnknownProtos", "%llu with unknown protocol"),
        ("Ip", "OutDiscards", "%llu outgoing packets dropped"),
        ("Ip", "OutNoRoutes", "%llu dropped because of missing route"),
        ("Ip", "OutRequests", "%llu requests sent out"),
        ("Ip", "ReasmFails", "%llu packet reassemblies failed"),
        ("Ip", "ReasmOKs", "%llu packets reassembled ok"),
        ("Ip", "ReasmReqds", "%llu reassemblies required"),
        ("Ip", "ReasmTimeout", "%llu fragments dropped after timeout"),

        ("Icmp", "InErrors", "%llu input ICMP message failed"),
        ("Icmp", "InMsgs", "%llu ICMP messages received"),
        ("Icmp", "OutErrors", "%llu ICMP messages failed"),
        ("Icmp", "OutMsgs", "%llu ICMP messages sent"),
        ("Icmp<", "InAddrMaskReps", "address mask replies: %llu"),
        ("Icmp<", "InAddrMasks", "address mask request: %llu"),
        ("Icmp<", "InDestUnreachs", "destination unreachable: %llu"),
        ("Icmp<", "InEchoReps", "echo replies: %llu"),
        ("Icmp<", "InEchos", "echo requests: %llu"),
        ("Icmp<", "InParmProbs", "wrong parameters: %llu"),
        ("Icmp<", "InRedirects", "redirects: %llu"),
        ("Icmp<", "InSrcQuenchs", "source quenches: %llu"),
        ("Icmp<", "InTimeExcds", "timeout in transit: %llu"),
        ("Icmp<", "InTimestampReps", "timestamp reply: %llu"),
        ("Icmp<", "InTimestamps", "timestamp request: %llu"),
        ("Icmp>", "OutAddrMaskReps", "address mask replies: %llu"),
        ("Icmp>", "OutAddrMasks", "address mask requests: %llu"),
        ("Icmp>", "OutDestUnreachs", "destination unreachable: %llu"),
        ("Icmp>", "OutEchoReps", "echo replies: %llu"),
        ("Icmp>", "OutEchos", "echo requests: %llu"),
        ("Icmp>", "OutParmProbs", "wrong parameters: %llu"),
        ("Icmp>", "OutRedirects", "redirect: %llu"),
        ("Icmp>", "OutSrcQuenchs", "source quench: %llu"),
        ("Icmp>", "OutTimeExcds", "time exceeded: %llu"),
        ("Icmp>", "OutTimestampReps", "timestamp replies: %llu"),
        ("Icmp>", "OutTimestamps", "timestamp requests: %llu"),

        ("Tcp", "ActiveOpens", "%llu active connection openings"),
        ("Tcp", "AttemptFails", "%llu failed connection attempts"),
        ("Tcp", "CurrEstab", "%llu connections established"),
        ("Tcp", "EstabResets", "%llu connection resets received"),
        ("Tcp", "InErrs", "%llu bad segments received"),
        ("Tcp", "InSegs", "%llu segments received"),
        ("Tcp", "OutRsts", "%llu resets sent"),
        ("Tcp", "OutSegs", "%llu segments sent out"),
        ("Tcp", "PassiveOpens", "%llu passive connection openings"),
        ("Tcp", "RetransSegs", "%llu segments retransmitted"),
        ("Tcp", "RetransSegs", "%llu segments retransmited"),

        ("Udp", "InDatagrams", "%llu packets received"),
        ("Udp", "InErrors", "%llu packet receive errors"),
        ("Udp", "NoPorts", "%llu packets to unknown port received"),
        ("Udp", "OutDatagrams", "%llu packets sent"),
        ("Udp", "RcvbufErrors", "%llu receive buffer errors"),
        ("Udp", "SndbufErrors", "%llu send buffer errors"),

        ("TcpExt", "DelayedACKLocked", "%llu delayed acks further delayed because of locked socket"),
        ("TcpExt", "DelayedACKLost", "Quick ack mode was activated %llu times"),
        ("TcpExt", "DelayedACKs", "%llu delayed acks sent"),
        ("TcpExt", "EmbryonicRsts", "%llu resets received for embryonic SYN_RECV sockets"),
        ("TcpExt", "ListenDrops", "%llu SYNs to LISTEN sockets dropped"),
        ("TcpExt", "ListenDrops", "%llu SYNs to LISTEN sockets ignored"),
        ("TcpExt", "ListenOverflows", "%llu times the listen queue of a socket overflowed"),
        ("TcpExt", "LockDroppedIcmps", "%llu ICMP packets dropped because socket was locked"),
        ("TcpExt", "OfoPruned", "%llu packets dropped from out-of-order queue because of socket buffer overrun"),
        ("TcpExt", "OutOfWindowIcmps", "%llu ICMP packets dropped because they were out-of-window"),
        ("TcpExt", "PAWSActive", "%llu active connections rejected because of time stamp"),
        ("TcpExt", "PAWSEstab", "%llu packets rejected in established connections because of timestamp"),
        ("TcpExt", "PAWSEstab", "%llu packetes rejected in established connections because of timestamp"),
        ("TcpExt", "PAWSPassive", "%llu passive connections rejected because of time stamp"),
        ("TcpExt", "PruneCalled", "%llu packets pruned from receive queue because of socket buffer overrun"),
        ("TcpExt", "RcvPruned", "%llu packets pruned from receive queue"),
        ("TcpExt", "SockMallocOOM", "Ran %llu times out of system memory during packet sending"),
        ("TcpExt", "SyncookiesFailed", "%llu invalid SYN cookies received"),
        ("TcpExt", "SyncookiesRecv", "%llu SYN cookies received"),
        ("TcpExt", "SyncookiesSent", "%llu SYN cookies sent"),
        ("TcpExt", "TCPAbortFailed", "%llu times unable to send RST due to no memory"),
        ("TcpExt", "TCPAbortOnClose", "%llu connections reset due to early user close"),
        ("TcpExt", "TCPAbortOnData", "%llu connections reset due to unexpected data"),
        ("TcpExt", "TCPAbortOnLinger", "%llu connections aborted after user close in linger timeout"),
        ("TcpExt", "TCPAbortOnMemory", "%llu connections aborted due to memory pressure"),
        ("TcpExt", "TCPAbortOnSyn", "%llu connections reset due to unexpected SYN"),
        ("TcpExt", "TCPAbortOnTimeout", "%llu connections aborted due to timeout"),
        ("TcpExt", "TCPDirectCopyFromBacklog", "%llu bytes directly in process context from backlog"),
        ("TcpExt", "TCPDirectCopyFromPrequeue", "%llu bytes directly received in process context from prequeue"),
        ("TcpExt", "TCPDSACKOfoRecv", "%llu DSACKs for out of order packets received"),
        ("TcpExt", "TCPDSACKOfoSent", "%llu DSACKs sent for out of order packets"),
        ("TcpExt", "TCPDSACKOldSent", "%llu DSACKs sent for old packets"),
        ("TcpExt", "TCPDSACKRecv", "%llu DSACKs received"),
        ("TcpExt", "TCPDSackUndo", "%llu congestion window recovered without slow start using DSACK"),
        ("TcpExt", "TCPDSACKUndo", "%llu congestion windows recovered without slow start by DSACK"),
        ("TcpExt", "TCPFACKReorder", "Detected reordering %llu times using FACK"),
        ("TcpExt", "TCPFastRetrans", "%llu fast retransmits"),
        ("TcpExt", "TCPForwardRetrans", "%llu forward retransmits"),
        ("TcpExt", "TCPFullUndo", "%llu congestion windows fully recovered without slow start"),
        ("TcpExt", "TCPHPAcks", "%llu predicted acknowledgments"),
        ("TcpExt", "TCPHPHits", "%llu packet headers predicted"),
        ("TcpExt", "TCPHPHitsToUser", "%llu packet headers predicted and directly queued to user"),
        ("TcpExt", "TCPLossFailures", "%llu timeouts in loss state"),
        ("TcpExt", "TCPLoss", "%llu TCP data loss events"),
        ("TcpExt", "TCPLossUndo", "%llu congestion windows recovered without slow start after partial ack"),
        ("TcpExt", "TCPLostRetransmit", "%llu retransmits lost"),
        ("TcpExt", "TCPMemoryPressures", "TCP ran low on memory %llu times"),
        ("TcpExt", "TCPPartialUndo", "%llu congestion windows partially recovered using Hoe heuristic"),
        ("TcpExt", "TCPPrequeued", "%llu packets directly queued to recvmsg prequeue"),
        ("TcpExt", "TCPPrequeueDropped", "%llu packets dropped from prequeue"),
        ("TcpExt", "TCPPureAcks", "%llu acknowledgments not containing data payload received"),
        ("TcpExt", "TCPRcvCollapsed", "%llu packets collapsed in receive queue due to low socket buffer"),
        ("TcpExt", "TCPRenoFailures", "%llu timeouts after reno fast retransmit"),
        ("TcpExt", "TCPRenoRecoveryFail", "%llu classic Reno fast retransmits failed"),
        ("TcpExt", "TCPRenoRecovery", "%llu times recovered from packet loss due to fast retransmit"),
        ("TcpExt", "TCPRenoReorder", "Detected reordering %llu times using reno fast retransmit"),
        ("TcpExt", "TCPSackFailures", "%llu timeouts after SACK recovery"),
        ("TcpExt", "TCPSackRecoveryFail", "%llu SACK retransmits failed"),
        ("TcpExt", "TCPSackRecovery", "%llu times recovered from packet loss by selective acknowledgements"),
        ("TcpExt", "TCPSACKReneging", "%llu bad SACK blocks received"),
        ("TcpExt", "TCPSACKReorder", "Detected reordering %llu times using SACK"),
        ("TcpExt", "TCPSchedulerFailed", "%llu times receiver scheduled too late for direct processing"),
        ("TcpExt", "TCPSlowStartRetrans", "%llu retransmits in slow start"),
        ("TcpExt", "TCPTimeouts", "%llu other TCP timeouts"),
        ("TcpExt", "TCPTSReorder", "Detected reordering %llu times using time stamp"),
        ("TcpExt", "TWKilled", "%llu TCP sockets finished time wait in slow timer"),
        ("TcpExt", "TW", "%llu TCP sockets finished time wait in fast timer"),
        ("TcpExt", "TWRecycled", "%llu time wait sockets recycled by time stamp"),

        ("Ip6", "FragCreates", "%llu fragments created"),
        ("Ip6", "FragFails", "%llu outgoing packets failed fragmentation"),
        ("Ip6", "FragOKs", "%llu outgoing packets fragmented ok"),
        ("Ip6", "InAddrErrors", "%llu with invalid addresses"),
        ("Ip6", "InDelivers", "%llu incoming packets delivered"),
        ("Ip6", "InDiscards", "%llu incoming packets discarded"),
        ("Ip6", "InHdrErrors", "%llu with invalid headers"),
        ("Ip6", "InMcastPkts", "%llu incoming multicast packets"),
        ("Ip6", "InNoRoutes", "%llu incoming packets with no route"),
        ("Ip6", "InReceives", "%llu total packets received"),
        ("Ip6", "InTooBigErrors", "%llu with packets too big"),
        ("Ip6", "InTruncatedPkts", "%llu with truncated packets"),
        ("Ip6", "InUnknownProtos", "%llu with unknown protocol"),
        ("Ip6", "OutDiscards", "%llu outgoing packets dropped"),
        ("Ip6", "OutForwDatagrams", "%llu forwarded"),
        ("Ip6", "OutMcastPkts", "%llu outgoing multicast packets"),
        ("Ip6", "OutNoRoutes", "%llu dropped because of missing route"),
        ("Ip6", "OutRequests", "%llu requests sent out"),
        ("Ip6", "ReasmFails", "%llu packet reassemblies failed"),
        ("Ip6", "ReasmOKs", "%llu packets reassembled ok"),
        ("Ip6", "ReasmReqds", "%llu reassemblies required"),
        ("Ip6", "ReasmTimeout", "%llu fragments dropped after timeout"),

        ("Icmp6", "InErrors", "%llu input ICMP message failed"),
        ("Icmp6", "InMsgs", "%llu ICMP messages received"),
        ("Icmp6", "OutMsgs", "%llu ICMP messages sent"),
        ("Icmp6<", "InDestUnreachs", "destination unreachable: %llu"),
        ("Icmp6<", "InEchoReplies", "echo replies: %llu"),
        ("Icmp6<", "InEchos", "echo requests: %llu"),
        ("Icmp6<", "InGroupMembQueries", "group member queries: %llu"),
        ("Icmp6<", "InGroupMembReductions", "group member reductions: %llu"),
        ("Icmp6<", "InGroupMembResponses", "group member responses: %llu"),
        ("Icmp6<", "InNeighborAdvertisements", "neighbour advertisement: %llu"),
        ("Icmp6<", "InNeighborSolicits", "neighbour solicits: %llu"),
        ("Icmp6<", "InParmProblems", "parameter problem: %llu"),
        ("Icmp6<", "InPktTooBigs", "packets too big: %llu"),
        ("Icmp6<", "InRedirects", "redirects: %llu"),
        ("Icmp6<", "InRouterAdvertisements", "router advertisement: %llu"),
        ("Icmp6<", "InRouterSolicits", "router solicits: %llu"),
        ("Icmp6<", "InTimeExcds", "received ICMPv6 time exceeded: %llu"),
        ("Icmp6>", "OutDestUnreachs", "destination unreachable: %llu"),
        ("Icmp6>", "OutEchoReplies", "echo replies: %llu"),
        ("Icmp6>", "OutEchos", "echo requests: %llu"),
        ("Icmp6>", "OutGroupMembQueries", "group member queries: %llu"),
        ("Icmp6>", "OutGroupMembReductions", "group member reductions: %llu"),
        ("Icmp6>", "OutGroupMembResponses", "group member responses: %llu"),
        ("Icmp6>", "OutNeighborAdvertisements", "neighbor advertisements: %llu"),
        ("Icmp6>", "OutNeighborSolicits", "neighbor solicits: %llu"),
        ("Icmp6>", "OutParmProblems", "parameter problem: %llu"),
        ("Icmp6>", "OutPktTooBigs", "packets too big: %llu"),
        ("Icmp6>", "OutRedirects", "redirects: %llu"),
        ("Icmp6>", "OutRouterAdvertisements", "router advertisement: %llu"),
        ("Icmp6>", "OutRouterSolicits", "router solicits: %llu"),
        ("Icmp6>", "OutTimeExcds", "sent ICMPv6 time exceeded: %llu"),

        ("Udp6", "InDatagrams", "%llu packets received"),
        ("Udp6", "InErrors", "%llu packet receive errors"),
        ("Udp6", "NoPorts", "%llu packets to unknown port received"),
        ("Udp6", "OutDatagrams", "%llu packets sent"),
    ];

    // Declared after Rows: static fields initialise in text order.
    private static readonly FrozenDictionary<(string Section, string Wording), string> s_wordings = Build();

    private static FrozenDictionary<(string, string), string> Build()
    {
        var map = new Dictionary<(string, string), string>();
        foreach (var (section, mib, wording) in Rows)
        {
            var counterSection = section.TrimEnd('<', '>');
            map[(section, wording)] = $"{counterSection}.{mib}";
            if (section == "Tcp")
                map[("Tcp6", wording)] = $"Tcp.{mib}";   // netstat -s -6 prints /proc/net/snmp's Tcp under "Tcp6"
        }
        return map.ToFrozenDictionary();
    }
}
