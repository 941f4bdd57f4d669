
namespace TuneAdvisor.Formats;

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
        // net-tools translations of its tcp_state[] table (po/ca, cs, de, et, fr, ja, ka, pt_BR, sv; gettext, so
        // LANG decides). Words printed unchanged by a translation are above; two-word ones ("POSLEDNÍ ACK") are not read.
        ["ESTABLERT"] = "ESTAB", ["SYNSENT"] = "SYN-SENT", ["SYNRECV"] = "SYN-RECV", ["FINWAIT1"] = "FIN-WAIT-1",
        ["FINWAIT2"] = "FIN-WAIT-2", ["TEMPS"] = "TIME-WAIT", ["TANCA"] = "UNCONN", ["CLOSEWAIT"] = "CLOSE-WAIT",
        ["LASTACK"] = "LAST-ACK", ["ESCOLTA"] = "LISTEN", ["TANCAMENT"] = "CLOSING",
        ["SPOJENO"] = "ESTAB", ["ZAVŘEN"] = "UNCONN", ["NASLOUCHÁ"] = "LISTEN", ["ZAVÍRÁ"] = "CLOSING",
        ["VERBUNDEN"] = "ESTAB",
        ["ESTABELECIDA"] = "ESTAB", ["SYN_ENVIADO"] = "SYN-SENT", ["SYN_RECEBIDO"] = "SYN-RECV", ["ESPERA_FIN1"] = "FIN-WAIT-1",
        ["ESPERA_FIN2"] = "FIN-WAIT-2", ["FECHAR"] = "UNCONN", ["ESPERANDO_FECHAR"] = "CLOSE-WAIT", ["ÚLTIMO_ACK"] = "LAST-ACK",
        ["OUÇA"] = "LISTEN", ["FECHANDO"] = "CLOSING",
        ["ETABLERAD"] = "ESTAB", ["STÄNG"] = "UNCONN", ["STÄNG_VÄNTA"] = "CLOSE-WAIT", ["LYSSNAR"] = "LISTEN", ["STÄNGER"] = "CLOSING",
        // Windows netstat
        ["LISTENING"] = "LISTEN", ["SYN_RECEIVED"] = "SYN-RECV", ["FIN_WAIT_1"] = "FIN-WAIT-1", ["FIN_WAIT_2"] = "FIN-WAIT-2",
        ["CLOSED"] = "UNCONN",
    };

    /// <summary>The ss spelling of a printed state, or null when the word is not a TCP state in any known spelling.</summary>
    public static string? Normalize(string printed) => Map.TryGetValue(printed, out var s) ? s : null;
}
