using System.Globalization;
using System.Text.Json;
using TuneAdvisor.Collection;
using TuneAdvisor.Collection.Offline;
using TuneAdvisor.Collection.Parsers;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection.Offline;

/// <summary>
/// Resolves the corpus README's `value` selectors ("sysctl_-a::kv_line_count", "ss_-peaonmi::tcp_listen[*:2379].send_q",
/// "netstat-s.txt::Tcp.RetransSegs", "proc/net/netstat::TcpExt.field_count" …) against what the offline parsers read
/// from the file, and renders the result as JSON text for an exact comparison with expected.json.
/// </summary>
public static partial class CorpusSelector
{
    /// <summary>The parser kind each corpus file must be detected as, by the file's place in its case folder.</summary>
    public static string ExpectedKind(string file)
    {
        var name = Path.GetFileName(file);
        return name switch
        {
            "sysctl_-a" or "sysctl-p.txt" => new SysctlOutputParser().Kind,
            "netstat-i.txt" => new NetstatInterfaceParser().Kind,
            "kernel-log.txt" => new KernelLogParser().Kind,
            "softnet_stat" when file.Contains("proc/", StringComparison.Ordinal) => new SoftnetStatInputParser().Kind,
            "uname_-a" => new UnameParser().Kind,
            "netstat_-s" => new NetstatStatisticsParser().Kind,
            _ when name.StartsWith("netstat-s", StringComparison.Ordinal) => new NetstatStatisticsParser().Kind,
            "netstat" or "snmp" or "snmp6" when file.Contains("proc/", StringComparison.Ordinal) => new ProcCounterFileParser().Kind,
            "dev" when file.Contains("proc/", StringComparison.Ordinal) => new ProcNetDevInputParser().Kind,
            "sockstat" or "sockstat6" when file.Contains("proc/", StringComparison.Ordinal) => new SockstatInputParser().Kind,
            _ when name.StartsWith("ss_", StringComparison.Ordinal) => new SsSocketParser().Kind,
            _ when name.StartsWith("netstat_", StringComparison.Ordinal) => new NetstatSocketParser().Kind,
            _ when name.StartsWith("nstat", StringComparison.Ordinal) => new NstatParser().Kind,
            _ => throw new InvalidOperationException($"no offline parser is expected for {file}"),
        };
    }

    /// <summary>Files no offline parser reads yet (/proc/net/tcp copies join with the sock_diag branch's parser).</summary>
    public static bool IsPending(string file) =>
        false;

    public static string Resolve(string caseDir, string file, string selector)
    {
        var path = Path.Combine(caseDir, file);
        var text = File.ReadAllText(path);
        var parser = InputParserRegistry.Default.Detect(text) ?? throw new InvalidOperationException($"{file}: no parser detected");
        Assert.Equal(ExpectedKind(file), parser.Kind);
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        return parser switch
        {
            SysctlOutputParser => Sysctl(text, file, selector, sample),
            SsSocketParser or NetstatSocketParser => Sockets(parser, text, file, selector, sample),
            ProcCounterFileParser => ProcCounters(parser, text, file, selector, sample),
            ProcNetDevInputParser => Dev(parser, text, file, selector, sample),
            SockstatInputParser => Sockstat(parser, text, file, selector, sample),
            NetstatStatisticsParser statistics => Statistics(statistics, text, file, selector),
            NstatParser => Nstat(parser, text, file, selector, sample),
            NetstatInterfaceParser => NetstatInterfaces(parser, text, file, selector, sample),
            SoftnetStatInputParser => Softnet(parser, text, file, selector, sample),
            KernelLogParser => KernelLogValue(parser, text, file, selector, sample),
            _ => Counter(parser, text, file, selector, sample),
        };
    }

    private static string Sysctl(string text, string file, string selector, SampleBuilder sample)
    {
        int kvLines = SysctlOutputParser.Read(text, file, sample, out int messageLines);
        return selector switch
        {
            "kv_line_count" => Json(kvLines),
            "distinct_key_count" => Json(sample.Sysctls.Count),
            "error_line_count" => Json(messageLines),
            _ when !sample.Sysctls.ContainsKey(selector) => Json(null),
            _ => SysctlValue(sample.Sysctls[selector].Value),
        };
    }

    /// <summary>"128" → 128; "32768 60999" → [32768, 60999] (a multi-number value is a list of ints).</summary>
    private static string SysctlValue(string value)
    {
        var parts = value.Split(' ');
        return parts.Length == 1 ? Json(long.Parse(value, CultureInfo.InvariantCulture))
            : Json(parts.Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray());
    }

    private static string Counter(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        var key = parser is NstatParser ? NstatParser.CounterKey(selector)! : selector;
        if (parser is SsSummaryParser)
            return Json(sample.Gauges["ss." + selector]);
        return Json(sample.Counters.TryGetValue(key, out var v) ? v : sample.CounterDeltas[key]);
    }

    /// <summary>"eth0.rx_packets" by /proc/net/dev's column names, or "interface_count".</summary>
    private static string Dev(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        if (selector == "interface_count")
            return Json(sample.Interfaces.Count);
        int dot = selector.LastIndexOf('.');
        var i = sample.Interfaces.Single(x => x.Name == selector[..dot]);
        long? value = selector[(dot + 1)..] switch
        {
            "rx_bytes" => i.RxBytes, "rx_packets" => i.RxPackets, "rx_errs" => i.RxErrors, "rx_drop" => i.RxDropped,
            "rx_fifo" => i.RxFifo, "rx_frame" => i.RxFrame, "rx_compressed" => i.RxCompressed, "rx_multicast" => i.RxMulticast,
            "tx_bytes" => i.TxBytes, "tx_packets" => i.TxPackets, "tx_errs" => i.TxErrors, "tx_drop" => i.TxDropped,
            "tx_fifo" => i.TxFifo, "tx_colls" => i.TxCollisions, "tx_carrier" => i.TxCarrier, "tx_compressed" => i.TxCompressed,
            var other => throw new InvalidOperationException("unknown /proc/net/dev column " + other),
        };
        return Json(value);
    }

    /// <summary>"TCP.tw" → gauge sockstat.TCP.tw (sockstat6: sockstat6.TCP6.inuse).</summary>
    private static string Sockstat(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        return Json(sample.Gauges[$"{Path.GetFileName(file)}.{selector}"]);
    }

    private static string ProcCounters(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        if (selector.EndsWith(".field_count", StringComparison.Ordinal))
            return Json(CounterTableParser.Parse(text, file).FieldCounts[selector[..^".field_count".Length]]);
        parser.Parse(text, file, sample);
        return Json(sample.Counters[selector]);
    }

    private static string Sockets(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        var tcpListeners = sample.Listeners.Where(l => l.Protocol == "tcp").ToList();
        if (selector == "tcp_listen.count")
            return Json(tcpListeners.Count);
        if (selector.StartsWith("tcp_state_count.", StringComparison.Ordinal))
        {
            var state = SocketStates.Normalize(selector["tcp_state_count.".Length..]) ?? throw new InvalidOperationException(selector);
            return Json(state == SocketStates.Listen ? tcpListeners.Count : sample.Connections.Count(c => c.Protocol == "tcp" && c.State == state));
        }
        var (set, address, nth, field) = ParseIndexed(selector);
        if (set == "tcp_listen")
        {
            var listener = tcpListeners.Where(l => SameAddress(l.Local, address)).ElementAt(nth - 1);
            return field switch
            {
                "recv_q" => Json(listener.RecvQ),
                "send_q" => Json(listener.SendQ),
                "process" => Process(listener.Processes),
                _ => throw new InvalidOperationException("unknown listener field " + field),
            };
        }
        var protocol = set;
        var connection = sample.Connections.Where(c => c.Protocol == protocol && SameAddress(c.Local, address)).ElementAt(nth - 1);
        return field switch
        {
            "recv_q" => Json(connection.RecvQ),
            "send_q" => Json(connection.SendQ),
            "state" => Json(connection.State),
            "process" => Process(connection.Processes),
            "info.rtt" => Json(connection.Info!.Rtt / 1000.0),
            "info.cwnd" => Json(connection.Info!.SndCwnd),
            "info.bytes_acked" => Json(connection.Info!.BytesAcked),
            "info.bytes_received" => Json(connection.Info!.BytesReceived),
            _ => throw new InvalidOperationException("unknown socket field " + field),
        };
    }

    /// <summary>"tcp_listen[0.0.0.0:443#2].recv_q" → ("tcp_listen", "0.0.0.0:443", 2, "recv_q").</summary>
    private static (string Set, string Address, int Nth, string Field) ParseIndexed(string selector)
    {
        int open = selector.IndexOf('['), close = selector.LastIndexOf(']');
        var inside = selector[(open + 1)..close];
        int hash = inside.LastIndexOf('#');
        int nth = hash > 0 ? int.Parse(inside[(hash + 1)..], CultureInfo.InvariantCulture) : 1;
        return (selector[..open], hash > 0 ? inside[..hash] : inside, nth, selector[(close + 2)..]);
    }

    /// <summary>As printed in the file; netstat rows are stored in ss's spelling ("[::]:22" for ":::22"), so compare that too.</summary>
    private static bool SameAddress(string stored, string printed) =>
        stored == printed || (SocketEndpoint.TryParse(printed, out var e) && e.Canonical == stored);

    private static string Process(System.Collections.Immutable.ImmutableArray<ProcessRef> processes)
    {
        var p = Assert.Single(processes);
        return Json(new Dictionary<string, object?> { ["name"] = p.Name, ["pid"] = p.Pid, ["fd"] = p.Fd });
    }

    public static string Json(object? value) => JsonSerializer.Serialize(value);

    /// <summary>Re-serialises an expected.json value the same way, so numbers and objects compare as text.</summary>
    public static string Json(JsonElement expected) => expected.ValueKind switch
    {
        JsonValueKind.Number => expected.TryGetInt64(out var l) ? Json(l) : Json(expected.GetDouble()),
        JsonValueKind.Array => Json(expected.EnumerateArray().Select(e => e.GetInt64()).ToArray()),
        JsonValueKind.Object => Json(expected.EnumerateObject().ToDictionary(p => p.Name, p => (object?)(p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetInt64() : p.Value.GetString()))),
        _ => Json(expected.GetString()),
    };
}
