

namespace TuneAdvisor.Knowledge;

/// <summary>Socket state numbers (include/net/tcp_states.h) and their names as ss prints them.</summary>
public static class TcpStates
{
    private static readonly string[] Names =
    [
        "UNKNOWN", "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
        "CLOSE", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING",
    ];

    /// <summary>
    /// The ss name of a state. State 7 (TCP_CLOSE) is "UNCONN" for UDP, as ss prints it, and "CLOSE" for TCP;
    /// 12 (NEW_SYN_RECV) is a request socket, "SYN-RECV".
    /// </summary>
    public static string Name(int state, string protocol) => state switch
    {
        7 when protocol != "tcp" => "UNCONN",
        12 => "SYN-RECV",
        >= 0 and < 12 => Names[state],
        _ => $"UNKNOWN({state})",
    };
}
