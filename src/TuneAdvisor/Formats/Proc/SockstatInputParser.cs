using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats.Proc;

/// <summary>A copy of /proc/net/sockstat or sockstat6: "sockets: used N", "TCP: inuse N orphan N tw N …", "TCP6: inuse N".</summary>
public sealed class SockstatInputParser : IInputParser
{
    private static readonly string[] Sections = ["sockets:", "TCP:", "UDP:", "UDPLITE:", "RAW:", "FRAG:", "TCP6:", "UDP6:", "UDPLITE6:", "RAW6:", "FRAG6:"];

    public string Kind => "/proc/net/sockstat";

    public int Confidence(string text)
    {
        var lines = InputLine.Split(text).Where(l => !CommandEcho.IsEcho(l.Text)).Select(l => l.Text.Trim()).Where(t => t.Length > 0).Take(12).ToList();
        if (lines.Count == 0 || !lines.Any(l => l.StartsWith("TCP", StringComparison.Ordinal) && l.Contains(" inuse ", StringComparison.Ordinal)))
            return 0;
        return lines.All(l => Sections.Any(s => l.StartsWith(s, StringComparison.Ordinal))) ? 95 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = SockstatParser.Parse(CommandEcho.Blank(text, path, sample), path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        foreach (var (key, value) in parsed.Values)
            sample.Gauges[key] = value;
    }
}
