using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>
/// Classifies a connection whose send queue holds data (domain-facts §6 item 19), in the order that decides:
/// <list type="number">
/// <item>"peer zero window": the peer's advertised window is 0 (<c>tcpi_snd_wnd</c>, 5.4+), or, where tcp_info does
/// not report the window, the zero-window probe timer runs (idiag_timer 4). The peer's application is not reading.</item>
/// <item>"path loss": segments are being retransmitted now (<c>tcpi_retransmits</c>, the RTO backoff count) or are
/// marked lost (<c>tcpi_lost</c>); without tcp_info, the retransmission timer (idiag_timer 1). The path drops
/// packets, or the peer host is gone.</item>
/// <item>"local transmit failure": the probe timer runs although the peer's window is open. <c>tcp_push_pending_frames()</c>
/// arms it through <c>tcp_check_probe_timer()</c> when data is queued and nothing is in flight, which with an open
/// window means the transmit itself failed on this host (a local firewall rule or qdisc dropping the packets).</item>
/// <item>"local writer": at least half of Send-Q was never sent (<c>tcpi_notsent_bytes</c>, 4.6+): the application
/// writes faster than cwnd and pacing let the data out (TCP_NOTSENT_LOWAT bounds this).</item>
/// <item>"undetermined" otherwise.</item>
/// </list>
/// Unknown (null) when the socket has neither tcp_info nor a timer: netstat and ss without -i/-o.
/// </summary>
public static class SendStall
{
    public static string? Classify(ConnectionInfo c)
    {
        var window = c.Info?.SndWnd;
        if (window == 0 || window is null && c.Timer == 4)
            return "peer zero window";
        if (c.Info is not { } info)
            return c.Timer is null ? null : c.Timer == 1 ? "path loss" : "undetermined";
        if (info.Retransmits > 0 || info.Lost > 0)
            return "path loss";
        if (c.Timer == 4)
            return "local transmit failure";
        if (info.NotsentBytes is { } notSent && c.SendQ is { } queued && queued > 0 && 2L * notSent >= queued)
            return "local writer";
        return "undetermined";
    }
}
