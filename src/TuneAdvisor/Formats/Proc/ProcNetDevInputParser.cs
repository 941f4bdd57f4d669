using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>A copy of /proc/net/dev: its two header lines ("Inter-|   Receive …", " face |bytes …") identify it.</summary>
public sealed class ProcNetDevInputParser : IInputParser
{
    public string Kind => "/proc/net/dev";

    public int Confidence(string text)
    {
        var head = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0 && !CommandEcho.IsEcho(l.Text)).Take(2).Select(l => l.Text.TrimStart()).ToList();
        return head.Count == 2 && head[0].StartsWith("Inter-|", StringComparison.Ordinal) && head[1].StartsWith("face |", StringComparison.Ordinal) ? 95 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var parsed = ProcNetDevParser.Parse(CommandEcho.Blank(text, path, sample), path);
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
