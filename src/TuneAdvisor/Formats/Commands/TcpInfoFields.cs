using System.Globalization;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Collects the tcp_info fields `ss -i` prints ("rtt:0.329/0.315", "cwnd:10", "bytes_acked:1934", "retrans:0/1", …)
/// and builds a <see cref="TcpInfo"/>. ss prints times in ms (converted to µs as in struct tcp_info) and rates in bit/s
/// (converted to bytes/s). The result has <see cref="TcpInfo.Length"/> 0, meaning "parsed from ss text": ss leaves out
/// most fields when they are zero (rtt, mss, cwnd, retrans, unacked, lost, …), so those non-nullable fields read 0;
/// the nullable ones (bytes_*, segs_*, delivery_rate, …) stay null when not printed.
/// </summary>
internal sealed class TcpInfoFields
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private int _options;
    private bool _any;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "wscale", "rto", "backoff", "rtt", "ato", "mss", "pmtu", "rcvmss", "advmss", "cwnd", "ssthresh", "bytes_sent",
        "bytes_retrans", "bytes_acked", "bytes_received", "segs_out", "segs_in", "data_segs_out", "data_segs_in",
        "lastsnd", "lastrcv", "lastack", "delivered", "delivered_ce", "busy", "rwnd_limited", "sndbuf_limited", "unacked",
        "retrans", "lost", "sacked", "dsack_dups", "reordering", "reord_seen", "rcv_rtt", "rcv_space", "rcv_ssthresh",
        "notsent", "minrtt", "rcv_ooopack", "snd_wnd", "rcv_wnd", "rehash", "pacing_rate", "delivery_rate",
    };

    public void Set(string key, string value)
    {
        if (!Known.Contains(key))
            return;
        _values[key] = value;
        _any = true;
        if (key == "wscale")
            _options |= 4;
    }

    public void SetFlag(string flag)
    {
        _options |= flag switch { "ts" => 1, "sack" => 2, "ecn" => 8, "ecnseen" => 16, "fastopen" => 32, _ => 0 };
    }

    /// <summary>"pacing_rate 5Mbps/10Mbps", "delivery_rate 43.2Mbps"; "send" is computed by ss and not kept.</summary>
    public void SetRate(string name, string value)
    {
        if (name != "send")
            Set(name, value);
    }

    public TcpInfo? Build()
    {
        if (!_any)
            return null;
        var (rtt, rttVar) = Pair(_values.GetValueOrDefault("rtt"), Micros);
        var (retrans, totalRetrans) = Pair(_values.GetValueOrDefault("retrans"), UInt);
        var (sndWscale, rcvWscale) = Pair(_values.GetValueOrDefault("wscale")?.Replace(',', '/'), UInt);
        var (pacing, maxPacing) = Pair(_values.GetValueOrDefault("pacing_rate"), BytesPerSecond);
        return new TcpInfo
        {
            Length = 0,
            Options = _options,
            SndWscale = (int)(sndWscale ?? 0),
            RcvWscale = (int)(rcvWscale ?? 0),
            Rto = Get("rto", Micros) ?? 0,
            Backoff = (int)(Get("backoff", UInt) ?? 0),
            Rtt = rtt ?? 0,
            RttVar = rttVar ?? 0,
            Ato = Get("ato", Micros) ?? 0,
            SndMss = Get("mss", UInt) ?? 0,
            Pmtu = Get("pmtu", UInt) ?? 0,
            RcvMss = Get("rcvmss", UInt) ?? 0,
            AdvMss = Get("advmss", UInt) ?? 0,
            SndCwnd = Get("cwnd", UInt) ?? 0,
            SndSsthresh = Get("ssthresh", UInt) ?? 0,
            BytesSent = Get("bytes_sent", ULong),
            BytesRetrans = Get("bytes_retrans", ULong),
            BytesAcked = Get("bytes_acked", ULong),
            BytesReceived = Get("bytes_received", ULong),
            SegsOut = Get("segs_out", UInt),
            SegsIn = Get("segs_in", UInt),
            DataSegsOut = Get("data_segs_out", UInt),
            DataSegsIn = Get("data_segs_in", UInt),
            LastDataSentMs = Get("lastsnd", UInt) ?? 0,
            LastDataRecvMs = Get("lastrcv", UInt) ?? 0,
            LastAckRecvMs = Get("lastack", UInt) ?? 0,
            PacingRate = pacing,
            MaxPacingRate = maxPacing,
            DeliveryRate = Get("delivery_rate", BytesPerSecond),
            Delivered = Get("delivered", UInt),
            DeliveredCe = Get("delivered_ce", UInt),
            BusyTime = Get("busy", MillisToMicros),
            RwndLimited = Get("rwnd_limited", MillisToMicros),
            SndbufLimited = Get("sndbuf_limited", MillisToMicros),
            Unacked = Get("unacked", UInt) ?? 0,
            Retrans = retrans ?? 0,
            TotalRetrans = totalRetrans ?? 0,
            Lost = Get("lost", UInt) ?? 0,
            Sacked = Get("sacked", UInt) ?? 0,
            DsackDups = Get("dsack_dups", UInt),
            Reordering = Get("reordering", UInt) ?? 0,
            ReordSeen = Get("reord_seen", UInt),
            RcvRtt = Get("rcv_rtt", Micros) ?? 0,
            RcvSpace = Get("rcv_space", UInt) ?? 0,
            RcvSsthresh = Get("rcv_ssthresh", UInt) ?? 0,
            NotsentBytes = Get("notsent", UInt),
            MinRtt = Get("minrtt", Micros),
            RcvOooPack = Get("rcv_ooopack", UInt),
            SndWnd = Get("snd_wnd", UInt),
            RcvWnd = Get("rcv_wnd", UInt),
            Rehash = Get("rehash", UInt),
        };
    }

    private T? Get<T>(string key, Func<string, T?> parse) where T : struct =>
        _values.TryGetValue(key, out var v) ? parse(v) : null;

    private static (T?, T?) Pair<T>(string? value, Func<string, T?> parse) where T : struct
    {
        if (value is null)
            return (null, null);
        int slash = value.IndexOf('/');
        return slash < 0 ? (parse(value), null) : (parse(value[..slash]), parse(value[(slash + 1)..]));
    }

    private static uint? UInt(string s) =>
        uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static ulong? ULong(string s) =>
        ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>ss prints ms with %g ("0.329"); tcp_info holds µs.</summary>
    private static uint? Micros(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && ms * 1000 <= uint.MaxValue
            ? (uint)Math.Round(ms * 1000) : null;

    /// <summary>"2ms" or "120ms(12.5%)" → µs.</summary>
    private static ulong? MillisToMicros(string s)
    {
        int end = s.IndexOf("ms", StringComparison.Ordinal);
        return end > 0 && ulong.TryParse(s[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms * 1000 : null;
    }

    /// <summary>"702.9Mbps", "873813333333bps", "1.2Gbps" → bytes per second (ss prints bit/s; prefixes are ×1000).</summary>
    internal static ulong? BytesPerSecond(string s)
    {
        if (!s.EndsWith("bps", StringComparison.Ordinal))
            return null;
        var number = s[..^3];
        double scale = 1;
        if (number.Length > 0 && char.IsAsciiLetter(number[^1]))
        {
            scale = number[^1] switch { 'K' or 'k' => 1e3, 'M' => 1e6, 'G' => 1e9, 'T' => 1e12, _ => 0 };
            number = number[..^1];
        }
        if (scale == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var bits) || bits < 0)
            return null;
        return (ulong)Math.Round(bits * scale / 8);
    }
}
