using System.Globalization;

namespace TuneAdvisor.Formats.Commands;

/// <summary>Rows that lost a part in the paste: the Proto column at the start, or everything after a cut at the end.</summary>
public sealed partial record NetstatRow
{
    /// <summary>
    /// A row pasted without its Proto column ("32  0 150.95.191.124:60739  54.65.136.43:9443  CLOSE_WAIT …", the
    /// selection started after "tcp"): read as TCP when its state is a TCP state, with the columns where they belong.
    /// The paste starts inside the row, so Recv-Q may have lost leading digits: it is a lower bound.
    /// </summary>
    public static NetstatRow? TryParseHeadless(string line)
    {
        var t = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (t.Length < 2 || !ulong.TryParse(t[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return null;
        var row = TryParse("tcp " + line.TrimStart(), out _);
        return row is { StateKnown: true, State: not (SocketStates.Unconnected or null) } ? row with { RecvQAtLeast = true } : null;
    }

    /// <summary>
    /// The unterminated last line of a cut paste: Proto Recv-Q Send-Q Local Foreign as far as they go. A number that
    /// ends at the cut (<paramref name="cut"/>) is a lower bound; an address that ends there, or is missing, is null.
    /// Null when not even Proto and Recv-Q are there.
    /// </summary>
    public static NetstatRow? TryParseCut(string line, bool cut)
    {
        var t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (t.Length < 2 || !InetProtocols.TryGetValue(t[0], out var protocol) || !long.TryParse(t[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rq))
            return null;
        bool AtCut(int k) => cut && k == t.Length - 1;
        long? sq = t.Length > 2 && long.TryParse(t[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        SocketEndpoint? Address(int k) => k < t.Length && !AtCut(k) && SocketEndpoint.TryParse(t[k], out var e) ? e : null;
        return new NetstatRow
        {
            Protocol = protocol,
            RecvQ = rq,
            SendQ = sq,
            RecvQAtLeast = AtCut(1),
            SendQAtLeast = AtCut(2),
            Local = Address(3),
            Foreign = Address(4),
            Truncated = true,
        };
    }
}
