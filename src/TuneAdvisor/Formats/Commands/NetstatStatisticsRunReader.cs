using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Collection;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Reads `netstat -s` text, pasted as users paste it, into runs (see <see cref="InputRun"/>). A new run starts at a
/// prompt or echoed command, at a `date` line when the current run already has its time, at a section header the run
/// already printed, at a counter the run already read (`grep` output typed twice) and at a label line ("server3"),
/// each time only once the current run has read a value. Prompts, commands, `date` lines, labels and annotations are
/// noted (Info, file:line) and never read as counters. Lines pasted without their section header are read when their
/// wording belongs to exactly one counter in any section; an ambiguous wording is noted, not guessed.
/// </summary>
internal sealed class NetstatStatisticsRunReader
{
    private readonly string _path;
    private readonly DateTimeOffset _takenAt;
    private readonly List<InputRun> _runs = [];
    private Run _run;

    private NetstatStatisticsRunReader(string path, DateTimeOffset takenAt)
    {
        _path = path;
        _takenAt = takenAt;
        _run = new Run(null, 1, takenAt);
    }

    public static ImmutableArray<InputRun> Read(string text, string path, DateTimeOffset takenAt)
    {
        var reader = new NetstatStatisticsRunReader(path, takenAt);
        foreach (var line in InputLine.Split(text))
            reader.Line(line);
        reader.Finish();
        reader.ZeroFillFromSiblings();
        return [.. reader._runs];
    }

    /// <summary>
    /// In a paste of several runs or blocks of the same `grep` (one per server, or the command typed twice), a TcpExt
    /// counter that net-tools omits when zero and that another run prints passed the same filter: where a run read
    /// other TcpExt lines without their header but not this one, net-tools did not print it, so it is 0 there. A run
    /// with its own TcpExt header is zero-filled by <see cref="Finish"/>; a run with no TcpExt line says nothing.
    /// </summary>
    private void ZeroFillFromSiblings()
    {
        if (_runs.Count < 2)
            return;
        var omittable = NetstatStatisticsTable.TcpExtOmittedWhenZero.Select(n => "TcpExt." + n).ToHashSet(StringComparer.Ordinal);
        var printed = _runs.SelectMany(r => r.Sample.Counters.Keys).Where(omittable.Contains).ToHashSet(StringComparer.Ordinal);
        foreach (var run in _runs)
        {
            if (run.Headers.Contains("TcpExt") || !run.HeaderlessSections.Contains("TcpExt"))
                continue;
            var missing = printed.Where(k => !run.Sample.Counters.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
            foreach (var key in missing)
                run.Sample.SetCounter(key, 0, $"{_path} (absent from this block; other blocks of the paste print it, and netstat omits it when zero)");
            if (missing.Count > 0)
                InputNotes.Info(run.Sample, _path, run.FirstLine,
                    $"{string.Join(", ", missing)} read as 0: other runs or blocks of this paste print {(missing.Count == 1 ? "that line" : "those lines")}, so the same filter passes {(missing.Count == 1 ? "it" : "them")}, and netstat leaves a TcpExt counter out when it is zero");
        }
    }

    private void Line(InputLine line)
    {
        var t = line.Text.Trim();
        if (t.Length == 0)
            return;
        var kind = PastedLine.Classify(t, out var time);
        switch (kind)
        {
            case PastedLineKind.Prompt or PastedLineKind.Command:
                if (_run.HasValues)
                    Start(_run.Label, line.Number);
                InputNotes.Info(_run.Sample, _path, line.Number, $"{(kind == PastedLineKind.Prompt ? "a shell prompt" : "an echoed command")}, not `netstat -s` output: '{Short(t)}'");
                return;
            case PastedLineKind.Date:
                if (_run.HasValues && _run.HasDateLine)
                    Start(_run.Label, line.Number);
                _run.HasDateLine = true;
                _run.Time = time;
                InputNotes.Info(_run.Sample, _path, line.Number, time is { } when
                    ? $"`date` output: this run was taken at {t} (a zone name is not resolved; only the interval between runs is used)"
                    : $"`date` output whose time could not be read: '{Short(t)}'");
                return;
        }
        if (NetstatStatisticsLine.SectionName(line.Text) is { } section)
        {
            if (_run.HasValues && _run.Headers.Contains(section))
                Start(_run.Label, line.Number);
            _run.Section = section;
            _run.Histogram = "";
            _run.Headers.Add(section);
            return;
        }
        // Labels are written at the left margin; netstat indents everything but section headers (a German histogram
        // title, "    ICMP-Eingabehistogramm:", is one word too).
        if (!char.IsWhiteSpace(line.Text[0]) && !InIcmp(_run) && NetstatStatisticsLine.Label(t) is { } label)
        {
            if (_run.HasValues || _run.Label is not null || _run.HasDateLine)
                Start(label, line.Number);
            else
                _run.Label = label;
            InputNotes.Info(_run.Sample, _path, line.Number, $"a label line: the lines below are read as host or block '{label}'");
            return;
        }
        Value(line, t);
    }

    private void Value(InputLine line, string t)
    {
        var run = _run;
        var wording = NetstatStatisticsLine.Wording(t, out var value);
        // "ICMP input histogram:" then "ICMP output histogram:", whatever the language (French has no colon): a line
        // with no number inside an Icmp section that is not a known wording; the first one is the input histogram.
        if (value is null && InIcmp(run) && !line.IsUnterminatedLast)
        {
            run.Histogram = run.Histogram.Length == 0 ? "<" : ">";
            return;
        }
        string? key = null;
        long v = 0;
        if (wording is not null && value is { } number)
        {
            if (run.Section.Length == 0)
                key = Headerless(line, wording);
            else if (!NetstatStatisticsTable.Wordings.TryGetValue((run.Section + run.Histogram, wording), out key))
                NetstatStatisticsTable.Wordings.TryGetValue((run.Section, wording), out key);
            if (key is null && run.Section.Length == 0 && NetstatStatisticsTable.AnySection.ContainsKey(wording))
                return;   // ambiguous without a header: noted by Headerless
            v = number;
        }
        if (key is null && run.Section.Length > 0 && NetstatStatisticsLine.TryNamed(t, run.Section, out var named, out var namedValue))
            (key, v) = (named, namedValue);
        if (key is not null)
        {
            if (run.Values.ContainsKey(key))
            {
                Start(run.Label, line.Number, run.Section);
                run = _run;
            }
            run.Values[key] = v;
            run.Sources[key] = line.Number;
            return;
        }
        if (t.StartsWith("Forwarding is ", StringComparison.Ordinal) || t.StartsWith("RTO algorithm is ", StringComparison.Ordinal))
            return;
        if (line.IsUnterminatedLast)
        {
            InputNotes.Truncated(run.Sample, _path, line, "a cut statistics line");
            return;
        }
        if (value is null && run.Section.Length > 0 && char.IsWhiteSpace(line.Text[0]))
        {
            InputNotes.Skipped(run.Sample, _path, line, "no number on this line");   // indented as netstat's lines are: a damaged one
            return;
        }
        if (value is null)
        {
            InputNotes.Info(run.Sample, _path, line.Number, $"not a statistics line (an annotation?), not read: '{Short(t)}'");
            return;
        }
        if (run.Section.Length == 0)
        {
            InputNotes.Info(run.Sample, _path, line.Number, $"no section header above this line and its wording is not net-tools': its counter is unknown: '{Short(t)}'");
            return;
        }
        run.Unmapped.Add(line.Number);
        run.UnmappedSections.Add(run.Section);
    }

    private static bool InIcmp(Run run) => run.Section is "Icmp" or "Icmp6";

    /// <summary>A wording read without its section header: the counter when exactly one has that wording.</summary>
    private string? Headerless(InputLine line, string wording)
    {
        if (!NetstatStatisticsTable.AnySection.TryGetValue(wording, out var keys))
            return null;
        if (keys.Length == 1)
        {
            _run.HeaderlessSections.Add(keys[0][..keys[0].IndexOf('.')]);
            return keys[0];
        }
        InputNotes.Info(_run.Sample, _path, line.Number,
            $"no section header above this line, and its wording is printed for {string.Join(", ", keys)}: not read (ambiguous)");
        return null;
    }

    private void Start(string? label, int firstLine, string section = "")
    {
        Finish();
        _run = new Run(label, firstLine, _takenAt) { Section = section };
    }

    private void Finish()
    {
        var run = _run;
        if (!run.HasValues && run.Label is null && (_runs.Count > 0 || run.Sample.Notes.Count == 0))
        {
            if (_runs.Count > 0)
            {
                _runs[^1].Sample.Notes.AddRange(run.Sample.Notes);   // a trailing prompt or annotation: no run of its own
                if (run.HasDateLine)
                    InputNotes.Info(_runs[^1].Sample, _path, run.FirstLine,
                        $"the run that starts at line {run.FirstLine} has a `date` line but no counter (the paste may stop inside it); the counters read are those of the run before it, taken earlier");
            }
            return;
        }
        var sample = run.Sample;
        foreach (var (key, value) in run.Values)
            sample.SetCounter(key, value, $"{_path}:{run.Sources[key]}");
        if (run.Unmapped.Count > 0)
            InputNotes.Info(sample, _path, run.Unmapped[0],
                $"{run.Unmapped.Count} lines have a wording with no known MIB name (lines {string.Join(", ", run.Unmapped.Take(5))}{(run.Unmapped.Count > 5 ? ", …" : "")}); their counters are unknown");
        if (run.Headers.Contains("TcpExt"))
        {
            if (!run.UnmappedSections.Contains("TcpExt"))
            {
                foreach (var name in NetstatStatisticsTable.TcpExtOmittedWhenZero)
                    if (!run.Values.ContainsKey($"TcpExt.{name}"))
                        sample.SetCounter($"TcpExt.{name}", 0, $"{_path} (omitted by netstat when zero)");
            }
            else
                InputNotes.Info(sample, _path, 0, "the TcpExt section has lines with unknown wording, so counters net-tools omits when zero are left unknown");
        }
        if (run.Values.Count > 0)
        {
            sample.Capabilities.Add(SnapshotCapability.Counters);
        }
        _runs.Add(new InputRun(_runs.Count, run.Label, run.FirstLine, run.Time, [.. run.Headers],
            [.. run.HeaderlessSections.Order(StringComparer.Ordinal)], sample));
    }

    private static string Short(string t) => t.Length <= 80 ? t : t[..77] + "...";

    private sealed class Run(string? label, int firstLine, DateTimeOffset takenAt)
    {
        public string? Label { get; set; } = label;
        public int FirstLine { get; } = firstLine;
        public DateTimeOffset? Time { get; set; }
        public bool HasDateLine { get; set; }
        public string Section { get; set; } = "";
        public string Histogram { get; set; } = "";
        public List<string> Headers { get; } = [];
        public HashSet<string> HeaderlessSections { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> Values { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Sources { get; } = new(StringComparer.Ordinal);
        public List<int> Unmapped { get; } = [];
        public HashSet<string> UnmappedSections { get; } = new(StringComparer.Ordinal);
        public SampleBuilder Sample { get; } = new(takenAt);
        public bool HasValues => Values.Count > 0;
    }
}
