using System.Text.Json;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats.Proc;

/// <summary>
/// Every `value` check of ../shared/corpus/expected.json on proc/net/{dev,netstat,snmp,sockstat,sockstat6}, resolved
/// as the corpus README's "Path convention" says and asserted exactly. The corpus is read where it stands.
/// </summary>
public class ProcNetCorpusTests
{
    private static readonly string[] Files = ["dev", "netstat", "snmp", "sockstat", "sockstat6"];

    public static IEnumerable<object[]> Checks()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, "expected.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            foreach (var check in c.GetProperty("checks").EnumerateArray())
            {
                if (check.GetProperty("kind").GetString() != "value")
                    continue;
                var path = check.GetProperty("path").GetString()!;
                var file = path.Split("::")[0];
                if (file.StartsWith("proc/net/", StringComparison.Ordinal) && Files.Contains(file["proc/net/".Length..]))
                    yield return [c.GetProperty("case").GetString()!, path, check.GetProperty("expected").GetInt64()];
            }
    }

    [CorpusTheory]
    [MemberData(nameof(Checks))]
    public void Parsed_value_matches_the_corpus(string @case, string path, long expected)
    {
        var parts = path.Split("::");
        var file = Path.Combine(RepoPaths.Corpus!, @case, parts[0]);
        var text = File.ReadAllText(file);
        var selector = parts[1];
        long? actual = Path.GetFileName(file) switch
        {
            "dev" => Dev(ProcNetDevParser.Parse(text, file), selector),
            "netstat" or "snmp" => Counter(CounterTableParser.Parse(text, file), selector),
            var name => SockstatParser.Parse(text, file, name).Values.GetValueOrDefault($"{name}.{selector}", -999),
        };
        Assert.Equal(expected, actual);
    }

    [CorpusFact]
    public void The_corpus_files_parse_without_diagnostics()
    {
        var checkedFiles = Checks().Select(c => Path.Combine(RepoPaths.Corpus!, (string)c[0], ((string)c[1]).Split("::")[0])).Distinct().ToList();
        Assert.True(checkedFiles.Count >= 15, $"only {checkedFiles.Count} files");
        foreach (var file in checkedFiles)
        {
            var text = File.ReadAllText(file);
            var diagnostics = Path.GetFileName(file) switch
            {
                "dev" => ProcNetDevParser.Parse(text, file).Diagnostics,
                "netstat" or "snmp" => CounterTableParser.Parse(text, file).Diagnostics,
                _ => SockstatParser.Parse(text, file).Diagnostics,
            };
            Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        }
    }

    private static long? Counter(ParsedCounters parsed, string selector)
    {
        const string count = ".field_count";
        return selector.EndsWith(count, StringComparison.Ordinal)
            ? parsed.FieldCounts[selector[..^count.Length]]
            : parsed.Values[selector];
    }

    private static long? Dev(ParsedList<InterfaceInfo> parsed, string selector)
    {
        if (selector == "interface_count")
            return parsed.Items.Length;
        int dot = selector.LastIndexOf('.');
        var i = parsed.Items.Single(x => x.Name == selector[..dot]);
        int column = ProcNetDevParser.Columns.IndexOf(selector[(dot + 1)..]);
        Assert.True(column >= 0, $"unknown /proc/net/dev counter in '{selector}'");
        long?[] values = [i.RxBytes, i.RxPackets, i.RxErrors, i.RxDropped, i.RxFifo, i.RxFrame, i.RxCompressed, i.RxMulticast,
            i.TxBytes, i.TxPackets, i.TxErrors, i.TxDropped, i.TxFifo, i.TxCollisions, i.TxCarrier, i.TxCompressed];
        return values[column];
    }
}
