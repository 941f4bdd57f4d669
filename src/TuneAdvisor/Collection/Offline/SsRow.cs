using System.Globalization;

namespace TuneAdvisor.Collection.Offline;

/// <summary>
/// The fixed columns of one ss row: [Netid] State Recv-Q Send-Q Local Peer, then the details.
/// The Netid column is absent when ss lists one protocol (`ss -lnt`). UNIX rows print each address as
/// "path inode" (two words); inet rows as "addr:port".
/// </summary>
public sealed record SsRow(string Protocol, string State, long RecvQ, long SendQ, string Local, string Peer, List<string> Details)
{
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

    public bool IsUnix => UnixNetids.Contains(Protocol);

    /// <summary>Reads the columns from a row's tokens; null with the reason when they do not form an ss row.</summary>
    public static SsRow? TryParse(List<string> t, out string why)
    {
        why = "";
        int i;
        string? netid;
        if (t.Count > 0 && IsState(t[0]))
        {
            netid = null;
            i = 0;
        }
        else if (t.Count > 1 && IsNetid(t[0]) && IsState(t[1]))
        {
            netid = t[0];
            i = 1;
        }
        else
        {
            why = "not an ss socket row (no known Netid and State)";
            return null;
        }
        if (t.Count < i + 5 || !long.TryParse(t[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var rq)
            || !long.TryParse(t[i + 2], NumberStyles.None, CultureInfo.InvariantCulture, out var sq))
        {
            why = "Recv-Q, Send-Q or the addresses are missing";
            return null;
        }
        int a = i + 3;
        bool unix = netid is not null ? UnixNetids.Contains(netid)
            : t.Count >= a + 4 && ulong.TryParse(t[a + 1], NumberStyles.None, CultureInfo.InvariantCulture, out _) && IsUnixPath(t[a]);
        if (unix)
        {
            if (t.Count < a + 4 || !ulong.TryParse(t[a + 1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                why = "a UNIX row needs 'path inode' for both addresses";
                return null;
            }
            var protocol = netid ?? (t[i] == "LISTEN" ? "u_str" : "u_dgr");
            return new SsRow(protocol, t[i], rq, sq, $"{t[a]} {t[a + 1]}", $"{t[a + 2]} {t[a + 3]}", t.GetRange(a + 4, t.Count - a - 4));
        }
        var proto = netid ?? (t[i] == "UNCONN" ? "udp" : "tcp");
        if (proto is "tcp" or "udp" && (!SocketEndpoint.TryParse(t[a], out _) || !SocketEndpoint.TryParse(t[a + 1], out _)))
        {
            why = "the local or peer address is not 'address:port'";
            return null;
        }
        return new SsRow(proto, t[i], rq, sq, t[a], t[a + 1], t.GetRange(a + 2, t.Count - a - 2));
    }

    private static bool IsUnixPath(string s) => s.StartsWith('/') || s.StartsWith('@') || s == "*";
}
