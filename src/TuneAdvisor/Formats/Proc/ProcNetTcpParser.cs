using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Parses /proc/net/tcp, tcp6, udp, udp6 (and, through <see cref="ProcNetUnixParser"/>, unix): text + path in,
/// listeners, connections and diagnostics out. Addresses are printed by the kernel as native-endian 32-bit words
/// (%08X), read here as little-endian (x86, arm64); they are formatted like `ss -n` (see
/// <see cref="SocketAddressFormatter"/>). A TCP listener's tx_queue is always 0 in these files, so its
/// <see cref="ListenerInfo.SendQ"/> (the backlog limit) is null: unknown. rx_queue is its accept queue.
/// A truncated last line is reported as truncated input, not as an error.
/// The live sock_diag fallback reads the host's tables with <see cref="Parse(string, string, ProcNetTable)"/>. As an
/// offline input (<see cref="IInputParser"/>) a copy of tcp, tcp6, udp or udp6 is told apart by content: the header
/// ends in "inode" for TCP and in "drops" for UDP, and addresses are 8 hex digits for IPv4 and 32 for IPv6. Listeners
/// read this way have an unknown backlog (the kernel prints tx_queue 0 for them), so the snapshot never gains
/// ListenerBacklog from it.
/// </summary>
public sealed class ProcNetTcpParser : IInputParser
{
    /// <summary>Chooses the table from the file name (tcp, tcp6, udp, udp6, unix); other names give one diagnostic.</summary>
    public static ProcNetSockets Parse(string text, string path)
    {
        var table = TableOf(path);
        if (table is null)
            return new ProcNetSockets([], [], [Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(path),
                "not a /proc/net tcp, tcp6, udp, udp6 or unix table")]);
        return Parse(text, path, table.Value);
    }

    public static ProcNetTable? TableOf(string path) => Path.GetFileName(path) switch
    {
        "tcp" => ProcNetTable.Tcp,
        "tcp6" => ProcNetTable.Tcp6,
        "udp" => ProcNetTable.Udp,
        "udp6" => ProcNetTable.Udp6,
        "unix" => ProcNetTable.Unix,
        _ => null,
    };

    public static ProcNetSockets Parse(string text, string path, ProcNetTable table)
    {
        if (table == ProcNetTable.Unix)
            return ProcNetUnixParser.Parse(text, path);
        bool tcp = table is ProcNetTable.Tcp or ProcNetTable.Tcp6;
        bool v6 = table is ProcNetTable.Tcp6 or ProcNetTable.Udp6;
        string protocol = tcp ? "tcp" : "udp";
        var formatter = new SocketAddressFormatter();
        var listeners = ImmutableArray.CreateBuilder<ListenerInfo>();
        var connections = ImmutableArray.CreateBuilder<ConnectionInfo>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        Span<byte> local = stackalloc byte[16];
        Span<byte> remote = stackalloc byte[16];
        foreach (var line in ProcTableLine.Read(text, path))
        {
            // Split at spaces only, not at any whitespace: get_tcp4_sock() and its kin (K:net/ipv4/tcp_ipv4.c,
            // K:net/ipv4/udp.c) separate these columns with spaces, so a tab in a copy stays inside its field.
            var fields = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[0] == "sl")
                continue;
            bool lastLine = line.IsUnterminated;
            if (!TryRow(fields, v6, local, remote, out var row, out var why))
            {
                diagnostics.Add(Diagnostic.Create(lastLine ? KnownDiagnostics.TruncatedInput : KnownDiagnostics.InputLineSkipped,
                    line.Span, lastLine ? $"last line is incomplete ({why})" : why));
                continue;
            }
            int family = v6 ? NetlinkConstants.AF_INET6 : NetlinkConstants.AF_INET;
            var localAddress = formatter.Bare(family, local[..(v6 ? 16 : 4)], false);
            var remoteAddress = formatter.Bare(family, remote[..(v6 ? 16 : 4)], false);
            var source = line.Source;
            bool isListener = tcp ? row.State == NetlinkConstants.TCP_LISTEN : row.State == NetlinkConstants.TCP_CLOSE;
            if (isListener)
            {
                listeners.Add(new ListenerInfo
                {
                    Protocol = protocol,
                    Local = formatter.Full(localAddress, row.LocalPort, 0),
                    Address = localAddress,
                    Port = row.LocalPort,
                    RecvQ = row.RxQueue,
                    SendQ = tcp ? null : row.TxQueue,
                    Inode = row.Inode == 0 ? null : row.Inode,
                    Uid = row.Uid,
                    Drops = row.Drops,
                    Source = source,
                });
                continue;
            }
            bool full = row.Inode != 0;
            connections.Add(new ConnectionInfo
            {
                Protocol = protocol,
                State = TcpStates.Name(row.State, protocol),
                Local = formatter.Full(localAddress, row.LocalPort, 0),
                Remote = formatter.Full(remoteAddress, row.RemotePort, 0),
                LocalAddress = localAddress,
                LocalPort = row.LocalPort,
                RemoteAddress = remoteAddress,
                RemotePort = row.RemotePort,
                RecvQ = row.RxQueue,
                SendQ = row.TxQueue,
                Inode = full ? row.Inode : null,
                Uid = full ? row.Uid : null,
                Timer = tcp ? row.Timer : null,
                Source = source,
            });
        }
        return new ProcNetSockets(listeners.ToImmutable(), connections.ToImmutable(), diagnostics.ToImmutable());
    }

    private readonly record struct Row(int LocalPort, int RemotePort, int State, long TxQueue, long RxQueue, int Timer, uint Uid, ulong Inode, long? Drops);

    // "sl: local rem st tx:rx tr:when retrnsmt uid timeout inode [ref pointer ...] [drops (udp)]"
    private static bool TryRow(string[] f, bool v6, Span<byte> local, Span<byte> remote, out Row row, out string why)
    {
        row = default;
        if (f.Length < 10 || !f[0].EndsWith(':'))
        {
            why = $"expected at least 10 fields after 'sl:', found {f.Length}";
            return false;
        }
        if (!TryEndpoint(f[1], v6, local, out int lport) || !TryEndpoint(f[2], v6, remote, out int rport))
        {
            why = $"address '{f[1]}' or '{f[2]}' is not {(v6 ? "32" : "8")} hex digits and a hex port";
            return false;
        }
        var queues = f[4].Split(':');
        var timer = f[5].Split(':');
        if (!Hex(f[3], out long state) || queues.Length != 2 || !Hex(queues[0], out long tx) || !Hex(queues[1], out long rx)
            || !Hex(timer[0], out long tr)
            || !uint.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out uint uid)
            || !ulong.TryParse(f[9], NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode))
        {
            why = "state, queues, timer, uid or inode is not a number";
            return false;
        }
        long? drops = null;
        // udp tables end with a drops column: "... inode ref pointer drops" (13 fields).
        if (f.Length >= 13 && long.TryParse(f[12], NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            drops = d;
        row = new Row(lport, rport, (int)state, tx, rx, (int)tr, uid, inode, drops);
        why = "";
        return true;
    }

    private static bool TryEndpoint(string text, bool v6, Span<byte> address, out int port)
    {
        port = 0;
        int colon = text.IndexOf(':');
        int hexLength = v6 ? 32 : 8;
        if (colon != hexLength || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out port))
            return false;
        for (int word = 0; word < hexLength / 8; word++)
        {
            if (!uint.TryParse(text.AsSpan(word * 8, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value))
                return false;
            // The kernel printed the in-memory (network-order) word as a little-endian integer.
            address[word * 4] = (byte)value;
            address[word * 4 + 1] = (byte)(value >> 8);
            address[word * 4 + 2] = (byte)(value >> 16);
            address[word * 4 + 3] = (byte)(value >> 24);
        }
        return true;
    }

    private static bool Hex(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

    public string Kind => "/proc/net/tcp, tcp6, udp, udp6";

    public int Confidence(string text) =>
        Header(text) is { } h && h.Contains("local_address", StringComparison.Ordinal)
        && (h.Contains("rem_address", StringComparison.Ordinal) || h.Contains("remote_address", StringComparison.Ordinal)) ? 95 : 0;

    /// <summary>The table is chosen from the header and the first address, since a copy's name gives nothing away.</summary>
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
        var parsed = Parse(text, path, table);
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
