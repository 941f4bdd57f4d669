using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>A copy of /proc/net/softnet_stat: one line per online CPU of 9 to 15 eight-digit hex columns (see <see cref="SoftnetStatParser"/>);
/// a pasted prompt or `cat` command line is skipped with a note.</summary>
public sealed class SoftnetStatInputParser : IInputParser
{
    public string Kind => "/proc/net/softnet_stat";

    /// <summary>Kernels before 2.6.35 print 9 columns (no received_rps), 2.6.35 10, 3.11 11, 5.10 13, 6.x 15.</summary>
    private const int MinColumns = 9;

    public int Confidence(string text)
    {
        var lines = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0 && !CommandEcho.IsEcho(l.Text)).Take(8).ToList();
        if (lines.Count == 0)
            return 0;
        foreach (var line in lines)
        {
            var cols = line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            bool cut = line.IsUnterminatedLast && lines.Count > 1;   // a paste cut inside the last CPU's line
            if ((cols.Length < MinColumns && !cut) || !cols.All(c => (c.Length == 8 || (cut && c == cols[^1] && c.Length < 8)) && c.All(char.IsAsciiHexDigit)))
                return 0;
        }
        return 90;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = SoftnetStatParser.Parse(CommandEcho.Blank(text, path, sample), path);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        sample.Softnet.Clear();
        sample.Softnet.AddRange(parsed.Items);
        if (parsed.Items.Length > 0)
            sample.Capabilities.Add(SnapshotCapability.Softnet);
    }
}
