namespace TuneAdvisor.Collection.Offline;

/// <summary>TCP states as ss spells them (ESTAB, SYN-SENT, TIME-WAIT, …), from ss, net-tools or Windows spellings.</summary>
public static class SocketStates
{
    public const string Listen = "LISTEN";
    public const string Unconnected = "UNCONN";

    private static readonly Dictionary<string, string> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        // ss
        ["ESTAB"] = "ESTAB", ["SYN-SENT"] = "SYN-SENT", ["SYN-RECV"] = "SYN-RECV", ["FIN-WAIT-1"] = "FIN-WAIT-1",
        ["FIN-WAIT-2"] = "FIN-WAIT-2", ["TIME-WAIT"] = "TIME-WAIT", ["UNCONN"] = "UNCONN", ["CLOSE-WAIT"] = "CLOSE-WAIT",
        ["LAST-ACK"] = "LAST-ACK", ["LISTEN"] = "LISTEN", ["CLOSING"] = "CLOSING", ["UNKNOWN"] = "UNKNOWN",
        // net-tools (netstat) and /proc names
        ["ESTABLISHED"] = "ESTAB", ["SYN_SENT"] = "SYN-SENT", ["SYN_RECV"] = "SYN-RECV", ["FIN_WAIT1"] = "FIN-WAIT-1",
        ["FIN_WAIT2"] = "FIN-WAIT-2", ["TIME_WAIT"] = "TIME-WAIT", ["CLOSE"] = "UNCONN", ["CLOSE_WAIT"] = "CLOSE-WAIT",
        ["LAST_ACK"] = "LAST-ACK", ["NEW_SYN_RECV"] = "SYN-RECV",
        // Windows netstat
        ["LISTENING"] = "LISTEN", ["SYN_RECEIVED"] = "SYN-RECV", ["FIN_WAIT_1"] = "FIN-WAIT-1", ["FIN_WAIT_2"] = "FIN-WAIT-2",
        ["CLOSED"] = "UNCONN",
    };

    /// <summary>The ss spelling of a printed state, or null when the word is not a TCP state in any known spelling.</summary>
    public static string? Normalize(string printed) => Map.TryGetValue(printed, out var s) ? s : null;
}
