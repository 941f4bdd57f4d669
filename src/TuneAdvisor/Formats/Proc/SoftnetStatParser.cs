using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Parses /proc/net/softnet_stat (K:net/core/net-procfs.c softnet_seq_show()): one line per online CPU of hex
/// u32 columns — 1 processed, 2 dropped (netdev_max_backlog full), 3 time_squeeze, 4–8 zero, 9 cpu_collision,
/// 10 received_rps, 11 flow_limit_count, 12 backlog length, 13 CPU id, 14 input_qlen, 15 process_qlen.
/// Old kernels print 9–11 columns, 6.18 prints 15; columns past the known ones are ignored. The CPU id is column 13
/// when present, else the line's index (which is wrong when CPUs are offline, so newer kernels added column 13).
/// The live SoftnetCollector reads the host's file with <see cref="Parse(string, string)"/>; as an offline input
/// (<see cref="IInputParser"/>) a copy is told by its lines of eight-digit hex columns, and a pasted prompt or `cat`
/// command line is skipped with a note.
/// </summary>
public sealed class SoftnetStatParser : IInputParser
{
    /// <summary>The fewest columns a line may have and still be read (processed, dropped, time_squeeze).</summary>
    private const int MinColumns = 3;

    /// <summary>Kernels before 2.6.35 print 9 columns (no received_rps), 2.6.35 10, 3.11 11, 5.10 13, 6.x 15: fewer in
    /// a copy's line means it is not this kind.</summary>
    private const int MinDetectedColumns = 9;
    private const int CpuColumn = 13;

    public static ParsedList<SoftnetCpu> Parse(string text, string path)
    {
        var items = ImmutableArray.CreateBuilder<SoftnetCpu>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var seen = new HashSet<int>();
        int index = 0;
        int widest = 0;

        foreach (var line in ProcTableLine.Read(text, path))
        {
            var fields = line.Words();
            int usable = fields.Length;
            int lineIndex = index++;
            if (line.IsLastContent && line.EndsMidWord && fields.Length >= widest && fields[^1].Length < 8)
            {
                // The kernel prints every column as %08x: a shorter last column at the cut lost digits.
                usable--;
                if (fields.Length >= CpuColumn && usable < CpuColumn)
                {
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span, $"the last CPU's line stops inside column {fields.Length}, the CPU id; skipped"));
                    continue;
                }
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span, $"the last CPU's line stops inside column {fields.Length}, which is not read"));
            }
            else if (line.IsLastContent && fields.Length < widest)
            {
                if (line.EndsMidWord)
                    usable--;
                if (widest >= CpuColumn && usable < CpuColumn)
                {
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span, $"the last CPU's line stops after {fields.Length} of {widest} columns, before the CPU id; skipped"));
                    continue;
                }
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span, $"the last CPU's line stops after {fields.Length} of {widest} columns; the missing ones are unknown"));
            }
            if (usable < MinColumns)
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"{fields.Length} columns; a softnet_stat line has at least {MinColumns} hex columns"));
                continue;
            }
            var values = new long?[Math.Min(usable, 15)];
            string? bad = null;
            for (int k = 0; k < values.Length; k++)
            {
                if (long.TryParse(fields[k], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
                    values[k] = v;
                else
                {
                    bad = $"column {k + 1} is not hexadecimal: '{fields[k]}'";
                    break;
                }
            }
            if (bad is not null)
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, bad));
                continue;
            }
            widest = Math.Max(widest, fields.Length);
            int cpu = values.Length >= CpuColumn ? (int)values[CpuColumn - 1]!.Value : lineIndex;
            if (!seen.Add(cpu))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"CPU {cpu} appears a second time; the first line is kept"));
                continue;
            }
            items.Add(new SoftnetCpu
            {
                Cpu = cpu,
                Processed = values[0]!.Value,
                Dropped = values[1]!.Value,
                TimeSqueeze = values[2]!.Value,
                ReceivedRps = At(values, 10),
                FlowLimitCount = At(values, 11),
                BacklogLength = At(values, 12),
            });
        }
        return new ParsedList<SoftnetCpu>(items.ToImmutable(), diagnostics.ToImmutable());
    }

    private static long? At(long?[] values, int column) => values.Length >= column ? values[column - 1] : null;

    public string Kind => "/proc/net/softnet_stat";

    public int Confidence(string text)
    {
        var lines = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0 && !CommandEcho.IsEcho(l.Text)).Take(8).ToList();
        if (lines.Count == 0)
            return 0;
        foreach (var line in lines)
        {
            var cols = line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            bool cut = line.IsUnterminatedLast && lines.Count > 1;   // a paste cut inside the last CPU's line
            if ((cols.Length < MinDetectedColumns && !cut) || !cols.All(c => (c.Length == 8 || (cut && c == cols[^1] && c.Length < 8)) && c.All(char.IsAsciiHexDigit)))
                return 0;
        }
        return 90;
    }

    /// <summary>A pasted prompt or `cat` line is blanked with a note; the CPUs read replace any the sample held.</summary>
    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = Parse(CommandEcho.Blank(text, path, sample), path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        sample.Softnet.Clear();
        sample.Softnet.AddRange(parsed.Items);
        if (parsed.Items.Length > 0)
            sample.Capabilities.Add(SnapshotCapability.Softnet);
    }
}
