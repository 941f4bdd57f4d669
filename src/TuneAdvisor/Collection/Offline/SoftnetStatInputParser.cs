using TuneAdvisor.Collection.Parsers;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Offline;

/// <summary>A copy of /proc/net/softnet_stat: one line per online CPU of 11 to 15+ eight-digit hex columns.</summary>
public sealed class SoftnetStatInputParser : IInputParser
{
    public string Kind => "/proc/net/softnet_stat";

    public int Confidence(string text)
    {
        var lines = InputLine.Split(text).Select(l => l.Text.Trim()).Where(t => t.Length > 0).Take(8).ToList();
        if (lines.Count == 0)
            return 0;
        foreach (var line in lines)
        {
            var cols = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length < 11 || !cols.All(c => c.Length == 8 && c.All(char.IsAsciiHexDigit)))
                return 0;
        }
        return 90;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = SoftnetStatParser.Parse(text, path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        sample.Softnet.Clear();
        sample.Softnet.AddRange(parsed.Items);
        if (parsed.Items.Length > 0)
            sample.Capabilities.Add(SnapshotCapability.Softnet);
    }
}
