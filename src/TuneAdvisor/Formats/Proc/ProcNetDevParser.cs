using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Parses /proc/net/dev (K:net/core/net-procfs.c dev_seq_printf_stats()): two header lines holding '|', then
/// "name: 16 numbers" per interface — RX bytes packets errs drop fifo frame compressed multicast, TX bytes packets
/// errs drop fifo colls carrier compressed. The name is split off at the FIRST ':' because old kernels printed no
/// space after it ("eth0:123"), and names are longer than the 6-character column on modern systems ("vethf345468").
/// A short last line is a truncated capture (TA0207; a value cut mid-number is dropped, the rest kept); any other
/// line that is not an interface row is skipped (TA0203) naming file and line.
/// The live InterfaceCollector reads the host's file with <see cref="Parse(string, string)"/>; as an offline input
/// (<see cref="IInputParser"/>) a copy is told by its two header lines ("Inter-|   Receive …", " face |bytes …").
/// </summary>
public sealed class ProcNetDevParser : IInputParser
{
    public const int ColumnCount = 16;

    /// <summary>The column names as the corpus and `ip` spell them, in file order.</summary>
    public static readonly ImmutableArray<string> Columns =
    [
        "rx_bytes", "rx_packets", "rx_errs", "rx_drop", "rx_fifo", "rx_frame", "rx_compressed", "rx_multicast",
        "tx_bytes", "tx_packets", "tx_errs", "tx_drop", "tx_fifo", "tx_colls", "tx_carrier", "tx_compressed",
    ];

    public static ParsedList<InterfaceInfo> Parse(string text, string path)
    {
        var items = ImmutableArray.CreateBuilder<InterfaceInfo>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in ProcTableLine.Read(text, path))
        {
            if (line.Text.Contains('|'))
                continue;
            int colon = line.Text.IndexOf(':');
            var name = colon > 0 ? line.Text[..colon].Trim() : "";
            if (name.Length == 0 || name.Contains(' '))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, "not an 'interface: counters' row"));
                continue;
            }
            var fields = line.Words(colon + 1);
            bool isLast = line.IsLastContent;
            int usable = fields.Length;
            if (fields.Length < ColumnCount)
            {
                if (!isLast)
                {
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"'{name}' has {fields.Length} values, expected {ColumnCount}"));
                    continue;
                }
                // The capture stops inside this row. Unless the line ended cleanly, its last number may be cut short.
                if (line.EndsMidWord && usable > 0)
                    usable--;
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span,
                    $"the row of '{name}' stops after {fields.Length} of {ColumnCount} values; {Columns[usable]} and later are unknown"));
            }
            else if (fields.Length > ColumnCount)
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputNote, line.Span, $"'{name}' has {fields.Length} values; the {fields.Length - ColumnCount} after the {ColumnCount}th are ignored"));
                usable = ColumnCount;
            }

            var values = new long?[ColumnCount];
            string? bad = null;
            for (int k = 0; k < usable; k++)
            {
                if (long.TryParse(fields[k], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                    values[k] = v;
                else if (!ulong.TryParse(fields[k], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    bad = $"'{name}' {Columns[k]} is not a number: '{fields[k]}'";
                    break;
                }
                else
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputNote, line.Span, $"'{name}' {Columns[k]} = {fields[k]} exceeds 2^63-1; recorded as unknown"));
            }
            if (bad is not null)
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, bad));
                continue;
            }
            if (!seen.Add(name))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"'{name}' appears a second time; the first row is kept"));
                continue;
            }
            items.Add(ToInterface(name, values, line.Source));
        }
        return new ParsedList<InterfaceInfo>(items.ToImmutable(), diagnostics.ToImmutable());
    }

    private static InterfaceInfo ToInterface(string name, long?[] v, string source) => new()
    {
        Name = name,
        RxBytes = v[0], RxPackets = v[1], RxErrors = v[2], RxDropped = v[3],
        RxFifo = v[4], RxFrame = v[5], RxCompressed = v[6], RxMulticast = v[7],
        TxBytes = v[8], TxPackets = v[9], TxErrors = v[10], TxDropped = v[11],
        TxFifo = v[12], TxCollisions = v[13], TxCarrier = v[14], TxCompressed = v[15],
        Source = source,
    };

    public string Kind => "/proc/net/dev";

    public int Confidence(string text)
    {
        var head = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0 && !CommandEcho.IsEcho(l.Text)).Take(2).Select(l => l.Text.TrimStart()).ToList();
        return head.Count == 2 && head[0].StartsWith("Inter-|", StringComparison.Ordinal) && head[1].StartsWith("face |", StringComparison.Ordinal) ? 95 : 0;
    }

    /// <summary>A pasted prompt or `cat` line is blanked with a note; an interface read again replaces the earlier row.</summary>
    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = Parse(CommandEcho.Blank(text, path, sample), path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        foreach (var i in parsed.Items)
        {
            sample.Interfaces.RemoveAll(x => x.Name == i.Name);
            sample.Interfaces.Add(i);
        }
        if (parsed.Items.Length > 0)
            sample.Capabilities.Add(SnapshotCapability.Interfaces);
    }
}
