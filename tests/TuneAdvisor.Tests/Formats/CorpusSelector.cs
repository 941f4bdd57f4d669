using System.Globalization;
using System.Text.Json;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Formats;

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
            "softnet_stat" when file.Contains("proc/", StringComparison.Ordinal) => new SoftnetStatParser().Kind,
            "uname_-a" => new UnameParser().Kind,
            "netstat_-s" => new NetstatStatisticsParser().Kind,
            _ when name.StartsWith("netstat-s", StringComparison.Ordinal) => new NetstatStatisticsParser().Kind,
            "netstat" or "snmp" or "snmp6" when file.Contains("proc/", StringComparison.Ordinal) => new CounterTableParser().Kind,
            "dev" when file.Contains("proc/", StringComparison.Ordinal) => new ProcNetDevParser().Kind,
            "sockstat" or "sockstat6" when file.Contains("proc/", StringComparison.Ordinal) => new SockstatParser().Kind,
            _ when name.StartsWith("ss_", StringComparison.Ordinal) => new SsSocketParser().Kind,
            _ when name.StartsWith("netstat_", StringComparison.Ordinal) => new NetstatSocketParser().Kind,
            _ when name.StartsWith("nstat", StringComparison.Ordinal) => new NstatParser().Kind,
            _ when SocketListKind(name) is { } socketList => socketList,
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
            CounterTableParser => ProcCounters(parser, text, file, selector, sample),
            ProcNetDevParser => Dev(parser, text, file, selector, sample),
            SockstatParser => Sockstat(parser, text, file, selector, sample),
            NetstatStatisticsParser statistics => Statistics(statistics, text, file, selector),
            NstatParser => Nstat(parser, text, file, selector, sample),
            NetstatInterfaceParser => NetstatInterfaces(parser, text, file, selector, sample),
            SoftnetStatParser => Softnet(parser, text, file, selector, sample),
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
