using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats;

/// <summary>
/// The offline input parsers, listed explicitly (no assembly scanning, so the tool trims and AOT-compiles).
/// <see cref="Detect"/> picks the parser with the highest confidence for a text; ties go to the earlier entry.
/// </summary>
public sealed class InputParserRegistry
{
    public InputParserRegistry(ImmutableArray<IInputParser> parsers) => Parsers = parsers;

    public ImmutableArray<IInputParser> Parsers { get; }

    /// <summary>The built-in parsers. <paramref name="nstatMode"/> says how plain `nstat` output is read (see <see cref="NstatParser"/>).</summary>
    public static InputParserRegistry Create(NstatMode nstatMode = NstatMode.Auto) => new(
    [
        new SysctlOutputParser(),
        new SsSocketParser(),
        new SsSummaryParser(),
        new NetstatSocketParser(),
        new NetstatStatisticsParser(),
        new NstatParser(nstatMode),
        new CounterTableParser(),
        new ProcNetDevParser(),
        new SockstatParser(),
        new SoftnetStatParser(),
        new SoftirqsParser(),
        new ProcNetTcpParser(),
        new UnameParser(),
        new NetstatInterfaceParser(),
        new IpLinkStatsParser(),
        new KernelLogParser(),
        new ProcSysFileParser(),
    ]);

    public static InputParserRegistry Default { get; } = Create();

    /// <summary>Parsers judge the kind from the head of the text; this much is plenty for any of them.</summary>
    public const int SniffLength = 256 * 1024;

    /// <summary>The most confident parser for the text, or null when no parser recognises it.</summary>
    public IInputParser? Detect(string text)
    {
        if (text.Length > SniffLength)
        {
            int cut = text.LastIndexOf('\n', SniffLength - 1);
            text = cut > 0 ? text[..(cut + 1)] : text[..SniffLength];   // whole lines, so the head does not look cut
        }
        IInputParser? best = null;
        int bestScore = 0;
        foreach (var parser in Parsers)
        {
            int score = parser.Confidence(text);
            if (score > bestScore)
            {
                best = parser;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>Detects the kind of <paramref name="text"/> and parses it; an unknown kind is an InputUnrecognized error note.</summary>
    /// <returns>The parser used, or null when none recognised the text.</returns>
    /// A file below a "proc/sys" folder holds only a value, so its path, not its content, says what it is.
    public IInputParser? Parse(string text, string path, SampleBuilder sample)
    {
        var parser = ProcSysFileParser.TryKey(path, text) is not null ? Parsers.OfType<ProcSysFileParser>().FirstOrDefault() ?? Detect(text) : Detect(text);
        if (parser is null)
        {
            var why = text.Trim().Length == 0 ? "the file is empty" : "no parser recognises its content";
            sample.Note(Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(path), $"{path}: {why}"));
            return null;
        }
        ParseWith(parser, text, path, sample);
        sample.Inputs.Add(path);
        return parser;
    }

    /// <summary>
    /// Parses with the given parser, then says what every kind shares: a last line with no line break after it may
    /// be a paste cut mid-line, so whatever was read from it may be incomplete (a number that ends at the cut is at
    /// least what it shows). Parsers that judge their own cut rows note them; this adds the note where none did.
    /// </summary>
    public static void ParseWith(IInputParser parser, string text, string path, SampleBuilder sample)
    {
        parser.Parse(text, path, sample);
        if (text.Length == 0 || text[^1] == '\n')
            return;
        int lineCount = 1;
        foreach (var c in text)
            if (c == '\n')
                lineCount++;
        NoteCutLastLine(new InputLine(lineCount, text[(text.LastIndexOf('\n') + 1)..].TrimEnd('\r'), true), path, sample);
    }

    /// <summary>The note <see cref="ParseWith"/> adds for an unterminated last line (also for a capture streamed line by line).</summary>
    public static void NoteCutLastLine(InputLine last, string path, SampleBuilder sample)
    {
        if (!last.IsUnterminatedLast || last.Text.Length == 0)
            return;
        var span = SourceSpan.At(path, last.Number);
        var location = span.ToString();
        if (sample.Notes.Any(n => n.Location == location))
            return;
        // Only spaces after the last line break: the paste stops in the indentation of a line, so all of that line,
        // and whatever came after it, is missing.
        sample.Note(Diagnostic.Create(KnownDiagnostics.TruncatedInput, span, last.Text.Trim().Length == 0
            ? "the last line has no line break and holds only spaces: the paste may stop at the start of a line, so what followed is missing"
            : "the last line has no line break: the paste may stop inside it, so what was read from it may be incomplete (a number that ends at the cut is at least what it shows)"));
    }
}
