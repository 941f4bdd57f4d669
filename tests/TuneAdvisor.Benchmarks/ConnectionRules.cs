using TuneAdvisor.Diagnostics;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Benchmarks;

/// <summary>
/// Ten realistic connection-scope rules as rule files (category custom, ids TA9001-TA9010), and the same ten
/// conditions written by hand in <see cref="HandWrittenConditions"/>. Keep the two lists in the same order.
/// </summary>
public static class ConnectionRules
{
    private static readonly (string Name, string Condition, string Options, string Message)[] Definitions =
    [
        ("recv-queue-backlog", "connection.state == \"ESTAB\" and connection.recv_q >= options.fill * connection.rcvbuf",
            "fill: { default: 50%, description: Recv-Q as a share of the receive buffer }",
            "{connection.process} is not reading: {connection.recv_q} queued of a {connection.rcvbuf} buffer"),
        ("zero-receive-window", "connection.rcv_wnd == 0 and connection.recv_q > 0", "",
            "we advertise a zero window with {connection.recv_q} unread"),
        ("high-rtt", "connection.rtt > options.max_rtt",
            "max_rtt: { default: 100ms, description: the largest acceptable smoothed RTT }",
            "smoothed RTT {connection.rtt} is above {options.max_rtt}"),
        ("many-retransmits", "connection.total_retrans > 10", "",
            "{connection.total_retrans} segments retransmitted"),
        ("notsent-large", "connection.notsent > 1MiB", "",
            "{connection.notsent} written but not yet sent: consider tcp_notsent_lowat"),
        ("zero-window-probe", "connection.timer == 4", "",
            "the peer {connection.remote} advertises a zero window (probe timer)"),
        ("stuck-closing", "connection.state in [\"CLOSE-WAIT\", \"FIN-WAIT-1\", \"LAST-ACK\"] and connection.send_q > 0", "",
            "{connection.state} with {connection.send_q} still queued"),
        ("retransmit-ratio", "connection.bytes_sent > 0 and connection.bytes_retrans / connection.bytes_sent > 1%", "",
            "{connection.bytes_retrans} of {connection.bytes_sent} retransmitted"),
        ("bufferbloat", "connection.min_rtt > 0ms and connection.rtt > 4 * connection.min_rtt", "",
            "RTT {connection.rtt} is over 4x the minimum {connection.min_rtt}"),
        ("small-cwnd-retransmitting", "connection.state == \"ESTAB\" and connection.cwnd < 10 and connection.retransmits > 0", "",
            "cwnd {connection.cwnd} with {connection.retransmits} retransmit(s) outstanding"),
    ];

    public static int Count => Definitions.Length;

    public static IEnumerable<RuleFile> Files()
    {
        for (int i = 0; i < Definitions.Length; i++)
        {
            var (name, condition, options, message) = Definitions[i];
            var id = $"TA{9001 + i}";
            var yaml = $"""
                id: {id}
                title: Benchmark rule {name}
                category: custom
                severity: warning
                scope: connection
                condition: '{condition.Replace("'", "''")}'
                message: '{message}'
                {(options.Length > 0 ? "options:\n  " + options : "")}
                """;
            yield return new RuleFile($"rules/custom/{id}-{name}.yaml", yaml, _ => ($"{id}-{name}.md", "# " + name));
        }
    }

    /// <summary>Compiles the ten rules once; any diagnostic is a bug in this benchmark.</summary>
    public static RuleSet Compile()
    {
        var diagnostics = new DiagnosticBag();
        var set = RuleSet.Compile(Files(), RuleSources.Ranges([], diagnostics), diagnostics);
        if (set.Diagnostics.Length > 0 || set.Rules.Length != Definitions.Length)
            throw new InvalidOperationException("the benchmark rules do not compile:\n" + string.Join('\n', set.Diagnostics));
        return set;
    }
}
