using System.Globalization;
using CsCheck;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Formats;

/// <summary>
/// Properties every raw-capture parser keeps, checked with CsCheck on every capture the project has (the captures made
/// here under TestFiles, and ../shared/corpus when it is present) at sampled cut points and deleted lines:
/// damage never throws; cutting a capture never invents or changes a value read from a complete line; a value read from
/// the cut last line is a lower bound of the whole file's, and that line is noted; deleting a line never makes another
/// line's value different.
/// </summary>
public sealed class CaptureDamagePropertyTests
{
    /// <summary>Cut points and deleted lines sampled per file: enough to reach every line kind, small enough for CI.</summary>
    /// TA_DAMAGE_SAMPLES=2000 runs a longer search by hand.
    private static readonly int Samples = int.TryParse(Environment.GetEnvironmentVariable("TA_DAMAGE_SAMPLES"), out var n) && n > 0 ? n : 40;

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var file in CaptureFiles())
            data.Add(Display(file));
        return data;
    }

    private static string OwnFiles => Path.Combine(AppContext.BaseDirectory, "TestFiles");

    /// <summary>"TestFiles/Captures/ss_-tanp.txt" or "corpus/case/file": short and stable in test names.</summary>
    private static string Display(string file) =>
        RepoPaths.Corpus is { } corpus && file.StartsWith(corpus, StringComparison.Ordinal)
            ? "corpus/" + Path.GetRelativePath(corpus, file)
            : "TestFiles/" + Path.GetRelativePath(OwnFiles, file);

    private static string Resolve(string display) =>
        display.StartsWith("corpus/", StringComparison.Ordinal)
            ? Path.Combine(RepoPaths.Corpus!, display["corpus/".Length..])
            : Path.Combine(OwnFiles, display["TestFiles/".Length..]);

    private static IEnumerable<string> CaptureFiles()
    {
        var roots = new List<string> { Path.Combine(OwnFiles, "Captures"), Path.Combine(OwnFiles, "Proc") };
        if (RepoPaths.Corpus is { } corpus)
            roots.Add(corpus);
        return roots.Where(Directory.Exists)
            .SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => InputParserRegistry.Default.Detect(File.ReadAllText(f)) is not null)
            .Order(StringComparer.Ordinal);
    }

    private static (SampleBuilder Sample, List<string> Lines) Parse(IInputParser parser, string text, string path)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        InputParserRegistry.ParseWith(parser, text, path, sample);
        return (sample, InputLine.Split(text).Select(l => l.Text).ToList());
    }

    [Fact]
    public void There_are_captures_of_every_kind_to_damage()
    {
        var kinds = CaptureFiles().Select(f => InputParserRegistry.Default.Detect(File.ReadAllText(f))!.Kind).ToHashSet();
        // A copied /proc/sys file holds one value and is told by its path, never by its content: its damage is
        // checked in SmallKindsParserTests, not here.
        var missing = InputParserRegistry.Default.Parsers.Where(p => p is not ProcSysFileParser).Select(p => p.Kind).Where(k => !kinds.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "no capture to damage for: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Cutting_a_capture_keeps_complete_lines_and_bounds_the_cut_one(string file)
    {
        var text = File.ReadAllText(Resolve(file));
        var parser = InputParserRegistry.Default.Detect(text)!;
        const string path = "capture";
        var whole = Parse(parser, text, path);
        var full = CaptureFacts.Of(whole.Sample, path, whole.Lines);

        var runs = RunFacts(parser, text, path);

        Gen.Int[1, Math.Max(1, text.Length - 1)].Sample(cut =>
        {
            var part = text[..cut];
            var (sample, lines) = Parse(parser, part, path);
            var facts = CaptureFacts.Of(sample, path, lines);
            int cutLine = lines.Count;                       // the last line: unterminated when the cut is mid-line
            bool midLine = !part.EndsWith('\n');
            bool cutNoted = facts.NotedLines.Contains(cutLine);

            if (midLine && lines[^1].Trim().Length > 0 && facts.Facts.Values.Any(f => f.Line == cutLine))
                Assert.True(cutNoted, $"cut at byte {cut}: values were read from the cut line {cutLine} '{lines[^1]}' without a note");
            foreach (var (key, (value, line)) in facts.Facts)
            {
                if (line == cutLine && midLine || line == CaptureFacts.InferredLine)
                    continue;                                   // the cut row itself (noted above), and values no line printed
                if (key.StartsWith("gauge:kernel_log.", StringComparison.Ordinal))
                {
                    // A count of messages: a part of the log holds at most as many as the whole.
                    Assert.True(full.Facts.TryGetValue(key, out var all) && long.Parse(value, CultureInfo.InvariantCulture) <= long.Parse(all.Value, CultureInfo.InvariantCulture),
                        $"cut at byte {cut}: '{key}' = '{value}' counts more than the whole file");
                    continue;
                }
                if (!full.Facts.TryGetValue(key, out var expected))
                {
                    Assert.True(ReadElsewhere(key, value, line, full, runs, facts),
                        $"cut at byte {cut}: '{key}' = '{value}' is not in the whole file's parse");
                    continue;
                }
                if (expected.Value == value || IsEarlierRun(key, value, line, runs))
                    continue;                                   // what that very line says, in whichever run it stands
                if (key.StartsWith("sysctl:", StringComparison.Ordinal) && expected.Value.StartsWith(value + " ", StringComparison.Ordinal))
                    continue;                                   // a multi-line value (dev.cdrom.info): the lines before the cut
                // A value the cut made unknown or smaller: the last line must say why, the cut one when mid-line.
                Assert.True(cutNoted && (midLine ? IsLowerBound(value, expected.Value) : IsUnknownIn(value, expected.Value) || value == "?"),
                    $"cut at byte {cut}: '{key}' = '{value}', the whole file says '{expected.Value}'" + (cutNoted ? "" : " (and the cut line is not noted)"));
            }
        }, iter: Samples, threads: 1);
    }

    /// <summary>
    /// The values of every run of a file that holds several (`netstat -s` pasted twice, blocks of several hosts),
    /// keyed by counter and line: the whole file's own parse reads one run, or none when they are several hosts.
    /// </summary>
    private static HashSet<(string Key, int Line, string Value)> RunFacts(IInputParser parser, string text, string path)
    {
        var set = new HashSet<(string, int, string)>();
        if (parser is not IRunInputParser runParser)
            return set;
        foreach (var run in runParser.ParseRuns(text, path, DateTimeOffset.UnixEpoch))
            foreach (var (key, (value, line)) in CaptureFacts.Of(run.Sample, path, InputLine.Split(text).Select(l => l.Text).ToList()).Facts)
                set.Add((key, line, value));
        return set;
    }

    /// <summary>A value read from a line of an earlier run than the one the whole file's parse reads.</summary>
    private static bool IsEarlierRun(string key, string value, int line, HashSet<(string Key, int Line, string Value)> runs) =>
        line > 0 && runs.Contains((key, line, value));

    /// <summary>
    /// A value the whole file's parse does not hold, read from the same line with the same value in one of its runs
    /// (a cut that leaves one host's block is read as that host), or an nstat value whose totals-or-increments reading
    /// the cut took away (the "(overflow)" line that says "increments" came after the cut; the same value, noted).
    /// </summary>
    private static bool ReadElsewhere(string key, string value, int line, CaptureFacts full, HashSet<(string Key, int Line, string Value)> runs, CaptureFacts cut)
    {
        if (IsEarlierRun(key, value, line, runs))
            return true;
        return key.StartsWith("counter:", StringComparison.Ordinal) && cut.Messages.Any(m => m.Contains("read as totals", StringComparison.Ordinal))
            && full.Facts.TryGetValue("delta:" + key["counter:".Length..], out var delta) && delta.Value == value;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Deleting_a_line_never_changes_what_other_lines_say(string file)
    {
        var text = File.ReadAllText(Resolve(file));
        var parser = InputParserRegistry.Default.Detect(text)!;
        const string path = "capture";
        var whole = Parse(parser, text, path);
        var full = CaptureFacts.Of(whole.Sample, path, whole.Lines);
        var lines = text.Split('\n');

        Gen.Int[0, lines.Length - 1].Sample(deleted =>
        {
            var damaged = string.Join('\n', lines.Where((_, i) => i != deleted));
            var (sample, damagedLines) = Parse(parser, damaged, path);
            var facts = CaptureFacts.Of(sample, path, damagedLines);
            // Deleting a line may change what a file means (a label or header gone merges what it kept apart), so only
            // values both parses read are compared; a value may become unknown, never different.
            foreach (var (key, (value, line)) in facts.Facts)
            {
                if (line == CaptureFacts.InferredLine || key.StartsWith("gauge:kernel_log.", StringComparison.Ordinal)
                    || !full.Facts.TryGetValue(key, out var expected) || expected.Value == value || IsUnknownIn(value, expected.Value))
                    continue;
                // A multi-line sysctl value (dev.cdrom.info) legitimately loses the deleted line's words.
                var words = expected.Value.Split(' ').ToHashSet();
                Assert.True(key.StartsWith("sysctl:", StringComparison.Ordinal) && value.Split(' ').All(words.Contains),
                    $"line {deleted + 1} deleted: '{key}' = '{value}', the whole file says '{expected.Value}'");
            }
        }, iter: Samples, threads: 1);
    }

    /// <summary>The same value with some parts unknown ("?/128" against "9/128").</summary>
    private static bool IsUnknownIn(string value, string whole)
    {
        var a = value.Split(' ', '/');
        var b = whole.Split(' ', '/');
        return a.Length == b.Length && a.Zip(b).All(p => p.First == p.Second || p.First == "?");
    }

    /// <summary>
    /// A value cut short: unknown ("?": the field was not reached), a number no larger than the whole one (only
    /// trailing digits can be missing), or a prefix of the text.
    /// </summary>
    private static bool IsLowerBound(string cut, string whole)
    {
        if (cut == "?" || whole.StartsWith(cut, StringComparison.Ordinal))
            return true;
        var a = cut.Split(' ', '/');
        var b = whole.Split(' ', '/');
        if (a.Length != b.Length)
            return false;
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i] && a[i] != "?" && !(long.TryParse(a[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x)
                                  && long.TryParse(b[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y) && x <= y))
                return false;
        return true;
    }
}
