using System.Text.RegularExpressions;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Socket lists from net-tools `netstat` (-lnt, -tanp, -neopa, -W, -plunt …) and Windows `netstat -nao`.
/// Rows are recognised by shape, so translated titles, headers and timer words are fine: a line that does not
/// start with a protocol and holds no address is a title or header. netstat reads /proc/net/tcp, where a
/// listener's Send-Q is always 0, so TCP listeners get SendQ = null (unknown) and the snapshot never gets
/// ListenerBacklog from netstat. Windows rows have no queues at all.
/// </summary>
public sealed partial class NetstatSocketParser : ILineInputParser
{
    public string Kind => "netstat";

    [GeneratedRegex(@"(\d|\*|\])\s*:\s*(\d+|\*)(\s|$)")]
    private static partial Regex AddressLike();

    public int Confidence(string text)
    {
        int rows = 0, failed = 0;
        foreach (var line in InputLine.Split(text).Take(200))
        {
            if (!NetstatRow.StartsLikeRow(line.Text))
                continue;
            if (NetstatRow.TryParse(line.Text, out _) is not null)
                rows++;
            else if (!line.IsUnterminatedLast)
                failed++;
        }
        return rows > 0 && failed <= rows / 10 ? 80 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample) => Parse(InputLine.Split(text), path, sample);

    public void Parse(IEnumerable<InputLine> lines, string path, SampleBuilder sample)
    {
        int unknownStates = 0;
        foreach (var line in lines)
        {
            if (line.Text.Trim().Length == 0)
                continue;
            if (PastedNoise.IsPrompt(line.Text, out var typed) || PastedNoise.IsDate(line.Text))
            {
                InputNotes.Info(sample, path, line.Number, typed.Length > 0 ? $"a shell prompt with the command '{typed}', not netstat output: skipped" : "a shell prompt or `date` line, not netstat output: skipped");
                continue;
            }
            var row = Read(line, path, sample, out var why);
            if (row is null)
            {
                if (NetstatRow.StartsLikeRow(line.Text) || AddressLike().IsMatch(line.Text))
                    InputNotes.Skipped(sample, path, line, why);
                continue;
            }
            if (row.State is not null && !row.StateKnown && row.Protocol != "raw")
                unknownStates++;
            Emit(row, line.Source(path), sample);
        }
        if (unknownStates > 0)
            InputNotes.Info(sample, path, 0,
                $"{unknownStates} rows have a state word netstat translated; a TCP row with a wildcard peer was read as LISTEN, the others keep the word as printed");
    }

    /// <summary>
    /// A row, a row pasted without its Proto column (noted; Recv-Q a lower bound), or the cut last row as far as it
    /// goes (noted as truncated): a number at the cut is a lower bound, an address at the cut is unknown.
    /// </summary>
    private static NetstatRow? Read(InputLine line, string path, SampleBuilder sample, out string why)
    {
        bool cut = line.IsUnterminatedLast && !char.IsWhiteSpace(line.Text[^1]);
        int words = line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (line.IsUnterminatedLast && NetstatRow.StartsLikeRow(line.Text) && (words < 5 || (cut && words == 5)))
        {
            why = "a cut socket row";
            if (NetstatRow.TryParseCut(line.Text, cut) is not { } part)
                return null;
            InputNotes.Truncated(sample, path, line, $"a socket row cut after Recv-Q {(part.RecvQAtLeast ? "≥" : "")}{part.RecvQ}"
                + (part.SendQ is { } sq ? $", Send-Q {(part.SendQAtLeast ? "≥" : "")}{sq}" : "")
                + (part.Local is { } l ? $", local {l.Printed}" : "") + (part.Foreign is { } f ? $", foreign {f.Printed}" : "") + "; the rest is unknown");
            return part;
        }
        var row = NetstatRow.TryParse(line.Text, out why);
        if (row is null && NetstatRow.TryParseHeadless(line.Text) is { } headless)
        {
            InputNotes.Info(sample, path, line.Number,
                "a row without its Proto column (the paste starts inside it): read as tcp from its state, Recv-Q as a lower bound (leading digits may be missing)");
            return headless;
        }
        if (row is not null && cut && !line.Text.EndsWith(')'))
        {
            InputNotes.Truncated(sample, path, line, "a socket row cut in its last column");
            return row with { Truncated = true };
        }
        return row;
    }

    private static void Emit(NetstatRow row, string source, SampleBuilder sample)
    {
        if (row.Protocol == "unix")
        {
            if (row.State == SocketStates.Listen)
                AddListener(sample, new ListenerInfo
                {
                    Protocol = "unix",
                    Local = row.UnixPath ?? "*",
                    Inode = row.Inode,
                    Processes = row.Processes,
                    Source = source,
                });
            return;
        }
        if (row.Protocol == "raw" || (!row.Truncated && (row.Local is null || row.Foreign is null)))
            return;
        var (local, foreign) = (row.Local, row.Foreign);
        var state = row.State;
        if (row.Protocol == "tcp" && !row.StateKnown && foreign is { IsWildcardPeer: true })
            state = SocketStates.Listen;
        bool udpBound = row.Protocol == "udp" && (state is null || state == SocketStates.Unconnected) && foreign is { IsWildcardPeer: true };
        bool? truncated = row.Truncated ? true : null;
        if ((row.Protocol == "tcp" && state == SocketStates.Listen) || udpBound)
        {
            AddListener(sample, new ListenerInfo
            {
                Protocol = row.Protocol,
                Local = local?.Canonical ?? "…",
                Address = local?.Address,
                Port = local?.Port,
                RecvQ = row.RecvQ,
                RecvQAtLeast = row.RecvQAtLeast ? true : null,
                Truncated = truncated,
                // /proc/net/tcp prints 0 as a listener's tx_queue: the backlog limit is not there. UDP queues are bytes.
                SendQ = row.Protocol == "udp" ? row.SendQ : null,
                Inode = row.Inode is 0 ? null : row.Inode,
                Uid = row.Uid,
                Processes = row.Processes,
                Source = source,
            });
            return;
        }
        sample.Connections.Add(new ConnectionInfo
        {
            Protocol = row.Protocol,
            State = state ?? (row.Protocol == "udp" && !row.Truncated ? "ESTAB" : "UNKNOWN"),
            Local = local?.Canonical ?? "…",
            Remote = foreign?.Canonical ?? "…",
            LocalAddress = local?.Address,
            LocalPort = local?.Port,
            RemoteAddress = foreign?.Address,
            RemotePort = foreign?.Port,
            RecvQ = row.RecvQ,
            SendQ = row.SendQ,
            RecvQAtLeast = row.RecvQAtLeast ? true : null,
            SendQAtLeast = row.SendQAtLeast ? true : null,
            Truncated = truncated,
            Inode = row.Inode is 0 ? null : row.Inode,
            Uid = row.Uid,
            Timer = row.Timer,
            Processes = row.Processes,
            Source = source,
        });
        sample.Capabilities.Add(SnapshotCapability.Connections);
    }

    private static void AddListener(SampleBuilder sample, ListenerInfo listener)
    {
        sample.Listeners.Add(listener);
        sample.Capabilities.Add(SnapshotCapability.Listeners);
    }
}
