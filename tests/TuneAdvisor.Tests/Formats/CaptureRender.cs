using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>Parses a committed capture and renders its sockets as one line each, so tests state expectations as text.</summary>
public static class CaptureRender
{
    public static SampleBuilder Parse(string name, IInputParser? parser = null)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        var text = CaptureFiles.Text(name);
        if (parser is null)
            Assert.NotNull(InputParserRegistry.Default.Parse(text, name, sample));
        else
            parser.Parse(text, name, sample);
        return sample;
    }

    public static string Line(ListenerInfo l) =>
        $"{l.Protocol} {l.Local} rq={Q(l.RecvQ)} sq={Q(l.SendQ)} {Procs(l.Processes)} @{l.Source}";

    public static string Line(ConnectionInfo c) =>
        $"{c.Protocol} {c.State} {c.Local} -> {c.Remote} rq={Q(c.RecvQ)} sq={Q(c.SendQ)} {Procs(c.Processes)} @{c.Source}";

    private static string Q(long? q) => q?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";

    private static string Procs(System.Collections.Immutable.ImmutableArray<ProcessRef> p) =>
        p.IsEmpty ? "-" : string.Join(',', p.Select(x => $"{x.Name}/{x.Pid}/{x.Fd?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}"));
}
