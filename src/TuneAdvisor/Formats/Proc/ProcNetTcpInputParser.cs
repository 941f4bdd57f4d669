using TuneAdvisor.Diagnostics;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// A copy of /proc/net/tcp, tcp6, udp or udp6, told apart by content: the header ends in "inode" for TCP and in
/// "drops" for UDP, and addresses are 8 hex digits for IPv4 and 32 for IPv6. Listeners read this way have an
/// unknown backlog (the kernel prints tx_queue 0 for them), so the snapshot never gains ListenerBacklog from it.
/// </summary>
public sealed class ProcNetTcpInputParser : IInputParser
{
    public string Kind => "/proc/net/tcp, tcp6, udp, udp6";

    public int Confidence(string text) =>
        Header(text) is { } h && h.Contains("local_address", StringComparison.Ordinal)
        && (h.Contains("rem_address", StringComparison.Ordinal) || h.Contains("remote_address", StringComparison.Ordinal)) ? 95 : 0;

    public void Parse(string text, string path, SampleBuilder sample)
    {
        if (Header(text) is not { } header)
        {
            sample.Note(KnownDiagnostics.InputUnrecognized, path, $"{path}: no /proc/net socket table header ('sl local_address …')");
            return;
        }
        bool udp = header.TrimEnd().EndsWith("drops", StringComparison.Ordinal);
        bool v6 = FirstAddressLength(text) == 32;
        var table = (udp, v6) switch
        {
            (false, false) => ProcNetTable.Tcp,
            (false, true) => ProcNetTable.Tcp6,
            (true, false) => ProcNetTable.Udp,
            _ => ProcNetTable.Udp6,
        };
        var parsed = ProcNetTcpParser.Parse(text, path, table);
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        sample.Listeners.AddRange(parsed.Listeners);
        sample.Connections.AddRange(parsed.Connections);
        sample.Capabilities.Add(SnapshotCapability.Listeners);
        sample.Capabilities.Add(SnapshotCapability.Connections);
        if (parsed.Listeners.Any(l => l.Protocol == "tcp"))
            sample.Note(KnownDiagnostics.InputNote, path, $"{path}: /proc/net/{(v6 ? "tcp6" : "tcp")} prints tx_queue 0 for listeners, so their backlog limits are unknown");
    }

    private static string? Header(string text) =>
        InputLine.Split(text).Select(l => l.Text.Trim()).FirstOrDefault(t => t.Length > 0) is { } first && first.StartsWith("sl ", StringComparison.Ordinal) ? first : null;

    private static int FirstAddressLength(string text)
    {
        foreach (var line in InputLine.Split(text).Skip(1))
        {
            var fields = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 2 && fields[1].IndexOf(':') is var colon and > 0)
                return colon;
        }
        return 8;
    }
}
