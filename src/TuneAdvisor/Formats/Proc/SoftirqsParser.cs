using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Parses /proc/softirqs (K:fs/proc/softirqs.c show_softirqs()): a header line of "CPU%-8d" per CPU, then one row per
/// softirq, its name right-aligned before a ':' and one " %10u" count per CPU (kstat_softirqs_cpu(), an unsigned int
/// per CPU, so a count wraps at 2^32). Both loops are for_each_possible_cpu(): the header names every possible CPU,
/// offline ones included, and its ids are what tie a column to a CPU. 6.x kernels print HI TIMER NET_TX NET_RX BLOCK
/// IRQ_POLL TASKLET SCHED HRTIMER RCU; before 4.5 (511cbce2ff8b) IRQ_POLL was BLOCK_IOPOLL, and 2.6.3x printed the
/// names "%8s:". Rows are read by name, so any of these layouts reads the same: NET_RX and NET_TX are kept, the other
/// rows are recognised and left. A cut last row keeps its complete counts (a number that ends at the cut may have
/// lost digits and is not read); a row whose count disagrees with the header's, or that holds a word that is not a
/// count, is skipped with a note; nothing throws. The live SoftirqsCollector reads the host's file with
/// <see cref="Parse(string, string)"/>; as an offline input (<see cref="IInputParser"/>) a copy is told by its header
/// line and its "NAME: counts" rows, and a pasted prompt or `cat` command line is skipped with a note. A file holding
/// several copies (a paste of `cat /proc/softirqs` run twice) is read from its last header on, with a note.
/// </summary>
public sealed class SoftirqsParser : IInputParser
{
    /// <summary>Every softirq name the kernel has printed (include/linux/interrupt.h, softirq_to_name[]).</summary>
    private static readonly HashSet<string> KnownNames = new(["HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "BLOCK_IOPOLL", "TASKLET", "SCHED", "HRTIMER", "RCU"], StringComparer.Ordinal);

    private const string NetRx = "NET_RX";
    private const string NetTx = "NET_TX";

    public static ParsedList<SoftirqCounts> Parse(string text, string path)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        int[]? cpus = null;          // the header's CPU ids, in column order
        bool badHeader = false;
        int headerLine = 0;
        var rows = new Dictionary<string, long?[]>(StringComparer.Ordinal);

        foreach (var line in ProcTableLine.Read(text, path))
        {
            var words = line.Words();
            if (IsHeader(words, line.EndsMidWord))
            {
                if (headerLine > 0)
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputNote, line.Span,
                        $"a second CPU header line (the first is line {headerLine}): the file holds several copies of /proc/softirqs; the last one is read"));
                headerLine = line.Span.Line;
                rows.Clear();
                // A header cut inside its last word has no row after it; only whole ids name columns.
                var ids = words.Take(line.EndsMidWord ? words.Length - 1 : words.Length).Select(w => int.Parse(w.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
                badHeader = ids.Distinct().Count() != ids.Length;
                cpus = badHeader ? null : ids;
                if (badHeader)
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, "a CPU appears twice in the header, so its columns cannot be told apart; no count of this copy is read"));
                else if (line.IsLastContent && line.IsUnterminated)
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span, "the capture stops in the CPU header line; no softirq row follows"));
                continue;
            }
            int colon = line.Text.IndexOf(':');
            var name = colon > 0 ? line.Text[..colon].Trim() : "";
            if (colon < 0 && line.IsLastContent && line.IsUnterminated && IsRowName(line.Text.Trim()))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span, "the capture stops inside a softirq row's name; that row is not read"));
                continue;
            }
            if (!IsRowName(name))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, "neither the CPU header nor a 'NAME: counts' softirq row"));
                continue;
            }
            if (name != NetRx && name != NetTx)
                continue;   // the other softirqs are not read
            if (cpus is null)
            {
                if (!badHeader)
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span,
                        $"a {name} row with no CPU header line ('CPU0 CPU1 …') before it: its columns cannot be tied to CPU ids"));
                continue;
            }
            if (rows.ContainsKey(name))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"{name} appears a second time; the first row is kept"));
                continue;
            }
            if (ReadRow(line, name, line.Words(colon + 1), cpus, diagnostics) is { } values)
                rows[name] = values;
        }

        var items = ImmutableArray.CreateBuilder<SoftirqCounts>();
        if (cpus is not null && rows.Count > 0)
        {
            rows.TryGetValue(NetRx, out var rx);
            rows.TryGetValue(NetTx, out var tx);
            for (int i = 0; i < cpus.Length; i++)
                items.Add(new SoftirqCounts(cpus[i], rx?[i], tx?[i]));
        }
        return new ParsedList<SoftirqCounts>(items.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>
    /// The counts of one row, one per header CPU (null for those a cut left out), or null when the row cannot be read
    /// column by column: a count short or over the header's (a column lost mid-row would shift every later one onto
    /// the wrong CPU) or a word that is not a count.
    /// </summary>
    private static long?[]? ReadRow(ProcTableLine line, string name, string[] counts, int[] cpus, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        int usable = counts.Length;
        bool cut = line.IsLastContent && (line.EndsMidWord || counts.Length < cpus.Length);
        if (line.IsLastContent && line.EndsMidWord && counts.Length > 0)
            usable--;   // the number at the cut may be the start of a longer one
        if (!cut && counts.Length != cpus.Length)
        {
            diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span,
                $"{name} has {counts.Length} counts for the {cpus.Length} CPUs of the header, so they cannot be tied to CPUs"));
            return null;
        }
        if (usable > cpus.Length)
        {
            diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span,
                $"{name} has more counts than the {cpus.Length} CPUs of the header, so they cannot be tied to CPUs"));
            return null;
        }
        var values = new long?[cpus.Length];
        for (int k = 0; k < usable; k++)
        {
            if (!long.TryParse(counts[k], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"{name}'s count for CPU{cpus[k]} is not a number: '{counts[k]}'"));
                return null;
            }
            values[k] = v;
        }
        if (cut)
            diagnostics.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, line.Span, usable < counts.Length
                ? $"the {name} row stops inside the count of CPU{cpus[usable]}, which is not read; {name} of {cpus.Length - usable} CPU(s) is unknown"
                : $"the {name} row stops after {usable} of {cpus.Length} CPUs; {name} of the others is unknown"));
        return values;
    }

    /// <summary>"CPU0 CPU1 …": every word CPU and a number; the last may be cut ("CP", "CPU") when the text ends in it.</summary>
    private static bool IsHeader(string[] words, bool endsMidWord)
    {
        if (words.Length == 0)
            return false;
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            bool whole = w.Length > 3 && w.Length <= 13 && w.StartsWith("CPU", StringComparison.Ordinal)
                && int.TryParse(w.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out _);
            bool cutPrefix = i == words.Length - 1 && i > 0 && endsMidWord && "CPU".StartsWith(w, StringComparison.Ordinal);
            if (!whole && !cutPrefix)
                return false;
        }
        return true;
    }

    /// <summary>A softirq name as the kernel prints them: capitals and underscores ("NET_RX", "BLOCK_IOPOLL").</summary>
    private static bool IsRowName(string name) =>
        name.Length is > 0 and <= 32 && name.All(c => c is (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9')) && char.IsAsciiLetterUpper(name[0]);

    public string Kind => "/proc/softirqs";

    /// <summary>
    /// 95 for a CPU header followed by rows of a softirq name and counts only (so /proc/interrupts, whose rows end in
    /// a chip and handler name, is not this kind); 60 for such rows with no header (`grep NET_RX /proc/softirqs`),
    /// which are recognised so the note can say why their counts cannot be read.
    /// </summary>
    public int Confidence(string text)
    {
        var lines = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0 && !CommandEcho.IsEcho(l.Text)).Take(12).ToList();
        if (lines.Count == 0)
            return 0;
        var first = lines[0].Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        bool header = IsHeader(first, lines[0].IsUnterminatedLast && !char.IsWhiteSpace(lines[0].Text[^1]));
        var rows = header ? lines.Skip(1).ToList() : lines;
        if (rows.Count == 0)
            return 0;
        foreach (var line in rows)
        {
            int colon = line.Text.IndexOf(':');
            if (colon < 0 && line.IsUnterminatedLast && header && rows.Count > 1 && IsRowName(line.Text.Trim()))
                continue;   // a paste cut inside the last row's name
            var name = colon > 0 ? line.Text[..colon].Trim() : "";
            if (!(header ? IsRowName(name) : KnownNames.Contains(name)))
                return 0;
            var counts = line.Text[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (!counts.All(c => c.All(char.IsAsciiDigit)))
                return 0;
        }
        return header ? 95 : 60;
    }

    /// <summary>A pasted prompt or `cat` line is blanked with a note; the counts read replace any the sample held.</summary>
    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = Parse(CommandEcho.Blank(text, path, sample), path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        sample.Softirqs.Clear();
        sample.Softirqs.AddRange(parsed.Items);
        if (parsed.Items.Length > 0)
            sample.Capabilities.Add(SnapshotCapability.Softirqs);
    }
}
