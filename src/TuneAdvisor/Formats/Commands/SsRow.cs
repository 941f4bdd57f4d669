using System.Globalization;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// The fixed columns of one ss row: [Netid] [State] Recv-Q Send-Q Local Peer, then the details. ss leaves out the
/// Netid column when it lists one protocol and the State column when its filter leaves one state (`ss -lnt` on
/// iproute2 4.15–5.x, `ss -tan state close-wait`): <see cref="State"/> is then null and the caller decides from the
/// peer or the echoed command. UNIX rows print each address as "path inode" (two words); inet rows as "addr:port".
/// A row cut at the end of a paste keeps the columns before the cut: a number that ends at the cut is a lower bound
/// (only digits after it can be missing), an address that ends there is cut (<see cref="LocalCut"/>, <see cref="PeerCut"/>)
/// and a column after the cut is null.
/// </summary>
public sealed record SsRow(string? Netid, string? State, long? RecvQ, long? SendQ, string? Local, string? Peer, List<string> Details)
{
    public bool RecvQAtLeast { get; init; }
    public bool SendQAtLeast { get; init; }
    public bool LocalCut { get; init; }
    public bool PeerCut { get; init; }
    /// <summary>The row stops before its last fixed column (the paste was cut).</summary>
    public bool Truncated { get; init; }

    private static readonly HashSet<string> States = new(StringComparer.Ordinal)
    {
        "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "UNCONN", "CLOSE-WAIT", "LAST-ACK",
        "LISTEN", "CLOSING", "UNKNOWN",
    };

    /// <summary>Netids whose addresses are one word each (inet "addr:port", netlink "0:967 *", packet "*:eth0 *").</summary>
    private static readonly HashSet<string> OneWordNetids = new(StringComparer.Ordinal)
    {
        "tcp", "udp", "raw", "mptcp", "sctp", "dccp", "icmp6", "nl", "p_raw", "p_dgr", "v_str", "v_dgr", "v_seq", "xdp", "tipc",
    };

    private static readonly HashSet<string> UnixNetids = new(StringComparer.Ordinal) { "u_str", "u_dgr", "u_seq" };

    public static bool IsState(string token) => States.Contains(token);

    public static bool IsNetid(string token) => OneWordNetids.Contains(token) || UnixNetids.Contains(token);

    public bool IsUnix => Netid is not null && UnixNetids.Contains(Netid);

    /// <summary>True when the first tokens look like the start of an ss row ([Netid] State, or Recv-Q Send-Q without them).</summary>
    public static bool StartsLikeRow(List<string> t) =>
        t.Count > 0 && (IsState(t[0]) || (t.Count > 1 && IsNetid(t[0]) && (IsState(t[1]) || IsCount(t[1]))) || (t.Count > 1 && IsCount(t[0]) && IsCount(t[1])));

    /// <summary>
    /// Reads the columns from a row's tokens; null with the reason when they do not form an ss row.
    /// <paramref name="cut"/>: the line is the unterminated last line and its last token ends at the cut.
    /// <paramref name="cutAtEnd"/>: the line is the unterminated last line (columns after its end are missing, not malformed).
    /// </summary>
    public static SsRow? TryParse(List<string> t, bool cutAtEnd, bool cut, out string why)
    {
        why = "";
        int i = 0;
        string? netid = null, state = null;
        if (i < t.Count && IsNetid(t[i]) && i + 1 < t.Count && (IsState(t[i + 1]) || IsCount(t[i + 1])))
            netid = t[i++];
        if (i < t.Count && IsState(t[i]))
            state = t[i++];
        if (i >= t.Count || !IsCount(t[i]))
        {
            why = netid is null && state is null ? "not an ss socket row (no Netid, State or Recv-Q Send-Q)" : "Recv-Q, Send-Q or the addresses are missing";
            return null;
        }
        int a = i + 2;
        bool unix = netid is not null ? UnixNetids.Contains(netid)
            : t.Count >= a + 4 && IsCount(t[a + 1]) && IsUnixPath(t[a]);
        if (unix)
        {
            if (t.Count < a + 4 || !IsCount(t[i + 1]) || !IsCount(t[a + 1]) || (cut && t.Count == a + 4))
            {
                why = "a UNIX row needs Recv-Q Send-Q and 'path inode' for both addresses";
                return null;
            }
            return new SsRow(netid ?? (state == "LISTEN" ? "u_str" : "u_dgr"), state, Count(t[i]), Count(t[i + 1]),
                $"{t[a]} {t[a + 1]}", $"{t[a + 2]} {t[a + 3]}", t.GetRange(a + 4, t.Count - a - 4));
        }
        if (t.Count < a + 2 && !cutAtEnd)
        {
            why = "Recv-Q, Send-Q or the addresses are missing";
            return null;
        }
        string? Field(int k) => k < t.Count ? t[k] : null;
        bool EndsAtCut(int k) => cut && k == t.Count - 1;
        var sendQ = Field(i + 1);
        var local = Field(a);
        var peer = Field(a + 1);
        bool inet = netid is null or "tcp" or "udp";
        if ((sendQ is not null && !IsCount(sendQ))
            || (inet && local is not null && !EndsAtCut(a) && !SocketEndpoint.TryParse(local, out _))
            || (inet && peer is not null && !EndsAtCut(a + 1) && !SocketEndpoint.TryParse(peer, out _)))
        {
            why = "the local or peer address is not 'address:port'";
            return null;
        }
        return new SsRow(netid, state, Count(t[i]), sendQ is null ? null : Count(sendQ), local, peer,
            peer is null ? [] : t.GetRange(a + 2, t.Count - a - 2))
        {
            RecvQAtLeast = EndsAtCut(i),
            SendQAtLeast = EndsAtCut(i + 1),
            LocalCut = EndsAtCut(a) && MayContinue(local!),
            PeerCut = EndsAtCut(a + 1) && MayContinue(peer!),
            Truncated = peer is null || (EndsAtCut(a + 1) && MayContinue(peer)),
        };
    }

    /// <summary>
    /// Whether an address that ends at the cut may have lost characters: not when it cannot grow ("*:*", a port above
    /// 6553 that one more digit would take past 65535), so the last row of a file that only lacks its final line break
    /// is not taken as cut.
    /// </summary>
    private static bool MayContinue(string address) =>
        !SocketEndpoint.TryParse(address, out var e) || (e.Port is { } port ? port <= 6553 : !address.EndsWith(":*", StringComparison.Ordinal));

    private static bool IsCount(string s) => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static long Count(string s) => long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsUnixPath(string s) => s.StartsWith('/') || s.StartsWith('@') || s == "*";
}
