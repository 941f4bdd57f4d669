using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Parses /proc/net/sockstat and /proc/net/sockstat6 ("TCP: inuse 35 orphan 0 tw 4 alloc 40 mem 1",
/// "sockets: used 229", "TCP6: inuse 17") into gauges keyed "sockstat.TCP.inuse", "sockstat.sockets.used",
/// "sockstat6.TCP6.inuse". These are instantaneous values, not counters: inuse/orphan/tw/alloc per netns, mem global
/// and in pages. <see cref="ParsedCounters.FieldCounts"/> holds the number of name/value pairs per line.
/// The live SockstatCollector reads the host's files with <see cref="Parse(string, string, string?)"/>; as an offline
/// input (<see cref="IInputParser"/>) a copy is told by its section names ("sockets:", "TCP:", "TCP6:" …).
/// </summary>
public sealed class SockstatParser : IInputParser
{
    private static readonly string[] Sections = ["sockets:", "TCP:", "UDP:", "UDPLITE:", "RAW:", "FRAG:", "TCP6:", "UDP6:", "UDPLITE6:", "RAW6:", "FRAG6:"];

    /// <summary>
    /// Parses any text. <paramref name="prefix"/> is "sockstat" or "sockstat6"; when null it is inferred from the
    /// content: sockstat6 is the file whose every section name ends in '6' (TCP6, UDP6, UDPLITE6, RAW6, FRAG6).
    /// </summary>
    public static ParsedCounters Parse(string text, string path, string? prefix = null)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var counts = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var lines = ProcTableLine.Read(text, path);
        prefix ??= InferPrefix(lines);

        foreach (var line in lines)
        {
            int colon = line.Text.IndexOf(':');
            var section = colon > 0 ? line.Text[..colon].Trim() : "";
            if (section.Length == 0 || section.Contains(' '))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, "not a 'SECTION: name value …' line"));
                continue;
            }
            var fields = line.Words(colon + 1);
            int pairs = fields.Length / 2;
            // Only a dangling name is evident truncation: a capture without its final newline is still complete.
            if (fields.Length % 2 != 0)
                diagnostics.Add(Diagnostic.Create(line.IsLastContent ? KnownDiagnostics.TruncatedInput : KnownDiagnostics.InputNote, line.Span,
                    $"'{section}' ends with the name '{fields[^1]}' and no value; it is unknown"));
            counts[$"{prefix}.{section}"] = pairs;
            for (int k = 0; k < pairs; k++)
            {
                var name = fields[2 * k];
                var raw = fields[2 * k + 1];
                if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                    values[$"{prefix}.{section}.{name}"] = v;
                else
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, line.Span, $"'{section}.{name}' has a value that is not an integer: '{raw}'"));
            }
        }
        return new ParsedCounters(values.ToImmutable(), counts.ToImmutable(), diagnostics.ToImmutable());
    }

    private static string InferPrefix(List<ProcTableLine> lines)
    {
        bool any = false;
        foreach (var line in lines)
        {
            int colon = line.Text.IndexOf(':');
            if (colon <= 0)
                continue;
            any = true;
            if (!line.Text[..colon].Trim().EndsWith('6'))
                return "sockstat";
        }
        return any ? "sockstat6" : "sockstat";
    }

    public string Kind => "/proc/net/sockstat";

    public int Confidence(string text)
    {
        var lines = InputLine.Split(text).Where(l => !CommandEcho.IsEcho(l.Text)).Select(l => l.Text.Trim()).Where(t => t.Length > 0).Take(12).ToList();
        if (lines.Count == 0 || !lines.Any(l => l.StartsWith("TCP", StringComparison.Ordinal) && l.Contains(" inuse ", StringComparison.Ordinal)))
            return 0;
        return lines.All(l => Sections.Any(s => l.StartsWith(s, StringComparison.Ordinal))) ? 95 : 0;
    }

    /// <summary>A pasted prompt or `cat` line is blanked with a note; the gauges go to the sample as they are.</summary>
    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = Parse(CommandEcho.Blank(text, path, sample), path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        foreach (var (key, value) in parsed.Values)
            sample.Gauges[key] = value;
    }
}
