using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Collection.Processes;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.IO.Native;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Sockets of the collector's network namespace over netlink sock_diag, as `ss -tuaxpi` sees them: TCP (IPv4 and
/// IPv6, every state but bound-inactive, with tcp_info, congestion control and socket memory), UDP, and UNIX stream
/// and seqpacket listeners; then the processes holding them, from one walk of PROC/[0-9]*/fd. A table whose dump is
/// unavailable (no socket, ENOENT from a missing diag module, any failure) or every table when
/// <see cref="CollectionContext.UseNetlink"/> is false is read from /proc/net instead, where a listener's backlog
/// limit is unknown: the snapshot then lacks <see cref="SnapshotCapability.ListenerBacklog"/>.
/// </summary>
public sealed partial class SockDiagCollector : ICollector
{
    private const byte InetExtensions = NetlinkConstants.ExtInfo | NetlinkConstants.ExtCong | NetlinkConstants.ExtSkMemInfo;

    private static readonly ProcNetTable[] Tables = [ProcNetTable.Tcp, ProcNetTable.Tcp6, ProcNetTable.Udp, ProcNetTable.Udp6, ProcNetTable.Unix];

    public string Name => "sock_diag";

    public bool IsSampled => true;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var scan = context.MapProcesses ? SocketProcessMap.BeginScan(context.ProcRoot) : null;
        var inet = new List<InetDiagSocket>(ExpectedInetSockets(context));
        var unix = new List<UnixDiagSocket>();
        var fromNetlink = new HashSet<ProcNetTable>();
        string whyNotNetlink = context.UseNetlink ? "" : "netlink disabled by the collection context";
        if (context.UseNetlink)
            whyNotNetlink = DumpAll(sample, inet, unix, fromNetlink);

        var fallback = ReadFallbackTables(context, sample, fromNetlink, whyNotNetlink);

        var map = SocketProcessMap.Empty;
        if (scan is not null)
        {
            map = scan.Complete(WantedInodes(inet, unix, fallback), sample);
            foreach (var note in map.Notes)
                sample.Note(note);
            foreach (var (pid, info) in map.Processes)
                sample.Processes[pid] = info;
            if (map.Walked)
            {
                sample.Capabilities.Add(SnapshotCapability.Processes);
                sample.Inputs.Add(Path.Combine(context.ProcRoot, "[0-9]*", "fd"));
            }
        }

        AddRecords(sample, inet, unix, fallback, map);
        AddCapabilities(sample, fromNetlink, fallback);
    }

    /// <summary>Runs the five dumps on one socket; returns why netlink is unavailable ("" when the socket opened).</summary>
    private static string DumpAll(SampleBuilder sample, List<InetDiagSocket> inet, List<UnixDiagSocket> unix, HashSet<ProcNetTable> fromNetlink)
    {
        using var socket = NetlinkSocket.TryOpen(NetlinkConstants.NETLINK_SOCK_DIAG, out int errno);
        if (socket is null)
            return $"socket(AF_NETLINK, NETLINK_SOCK_DIAG) failed: {LibC.ErrnoName(errno)}";
        var dumper = new NetlinkDumper();
        var formatter = new SocketAddressFormatter(InterfaceName);
        var congestion = new CongestionNames();
        foreach (var table in Tables)
        {
            NetlinkDumpOutcome outcome;
            int problems;
            string? firstProblem;
            if (table == ProcNetTable.Unix)
            {
                var sink = new UnixDiagSink();
                var request = SockDiagRequest.Unix(1u << NetlinkConstants.TCP_LISTEN,
                    NetlinkConstants.UDIAG_SHOW_NAME | NetlinkConstants.UDIAG_SHOW_VFS | NetlinkConstants.UDIAG_SHOW_PEER
                    | NetlinkConstants.UDIAG_SHOW_RQLEN | NetlinkConstants.UDIAG_SHOW_MEMINFO);
                outcome = dumper.Dump(socket, request, sink);
                (problems, firstProblem) = (sink.ProblemCount, sink.FirstProblem);
                if (outcome.Complete)
                    unix.AddRange(sink.Sockets);
            }
            else
            {
                bool v6 = table is ProcNetTable.Tcp6 or ProcNetTable.Udp6;
                bool tcp = table is ProcNetTable.Tcp or ProcNetTable.Tcp6;
                int protocol = tcp ? NetlinkConstants.IPPROTO_TCP : NetlinkConstants.IPPROTO_UDP;
                var sink = new InetDiagSink(protocol, inet, formatter, congestion);
                var request = SockDiagRequest.Inet((byte)(v6 ? NetlinkConstants.AF_INET6 : NetlinkConstants.AF_INET), (byte)protocol,
                    NetlinkConstants.AllStates, tcp ? InetExtensions : NetlinkConstants.ExtSkMemInfo);
                outcome = dumper.Dump(socket, request, sink);
                (problems, firstProblem) = (sink.ProblemCount, sink.FirstProblem);
                if (!outcome.Complete)
                    sink.Reset();
            }
            var what = $"sock_diag {TableName(table)}";
            if (!outcome.Complete)
            {
                sample.Note(KnownDiagnostics.SourceUnavailable, what,
                    $"{what} dump failed: {outcome.Problem}{(outcome.Errno is LibC.ENOENT or LibC.EPROTONOSUPPORT ? " (the diag module for it is probably not loaded)" : "")}; reading /proc/net/{TableName(table)} instead");
                continue;
            }
            fromNetlink.Add(table);
            sample.Inputs.Add(what);
            if (outcome.Interrupted)
                sample.Note(KnownDiagnostics.InputNote, what,
                    $"{what}: the socket table changed during the dump (NLM_F_DUMP_INTR) in all {outcome.Attempts} attempts; the last dump is kept and may miss or repeat a socket");
            if (problems > 0)
                sample.Note(KnownDiagnostics.InputLineSkipped, what, $"{what}: {problems} message(s) only partly decoded, e.g. {firstProblem}");
        }
        return "";
    }

    /// <summary>
    /// Sizes the socket list up front from /proc/net/sockstat (TCP inuse + tw, UDP inuse, per namespace), so a dump
    /// of 100 000 sockets does not grow the list by copying; 1024 when the file is unreadable.
    /// </summary>
    private static int ExpectedInetSockets(CollectionContext context)
    {
        long total = 0;
        foreach (var name in (string[])["net/sockstat", "net/sockstat6"])
        {
            var text = ProcFile.TryRead(context.Proc(name), null);
            if (text is null)
                continue;
            foreach (var line in text.Split('\n'))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length == 0 || f[0] is not ("TCP:" or "UDP:" or "TCP6:" or "UDP6:"))
                    continue;
                for (int i = 1; i + 1 < f.Length; i += 2)
                    if (f[i] is "inuse" or "tw" && long.TryParse(f[i + 1], out var n))
                        total += n;
            }
        }
        return (int)Math.Clamp(total + 64, 1024, 4_000_000);
    }

    private static string TableName(ProcNetTable table) => table switch
    {
        ProcNetTable.Tcp => "tcp",
        ProcNetTable.Tcp6 => "tcp6",
        ProcNetTable.Udp => "udp",
        ProcNetTable.Udp6 => "udp6",
        _ => "unix",
    };

    private static HashSet<ulong> WantedInodes(List<InetDiagSocket> inet, List<UnixDiagSocket> unix, ProcNetSocketsBuilder fallback)
    {
        var wanted = new HashSet<ulong>(inet.Count + unix.Count + fallback.Count);
        foreach (ref readonly var s in CollectionsMarshal.AsSpan(inet))
            if (s.Inode != 0)
                wanted.Add(s.Inode);
        foreach (var s in unix)
            if (s.Inode != 0)
                wanted.Add(s.Inode);
        foreach (var l in fallback.Listeners)
            if (l.Inode is { } i)
                wanted.Add(i);
        foreach (var c in fallback.Connections)
            if (c.Inode is { } i)
                wanted.Add(i);
        return wanted;
    }

    private static void AddRecords(SampleBuilder sample, List<InetDiagSocket> inet, List<UnixDiagSocket> unix, ProcNetSocketsBuilder fallback, SocketProcessMap map)
    {
        var connections = BuildConnections(inet, map, out int listeners);
        sample.Listeners.Capacity = Math.Max(sample.Listeners.Capacity, sample.Listeners.Count + listeners + unix.Count + fallback.Listeners.Count);
        sample.Connections.Capacity = Math.Max(sample.Connections.Capacity, sample.Connections.Count + inet.Count - listeners + fallback.Connections.Count);
        var sockets = CollectionsMarshal.AsSpan(inet);
        for (int i = 0; i < sockets.Length; i++)
        {
            if (connections[i] is { } connection)
                sample.Connections.Add(connection);
            else if (SockDiagRecords.IsListener(sockets[i]) && !IsOwnSocket(map, sockets[i].Inode))
                sample.Listeners.Add(SockDiagRecords.Listener(sockets[i], map.For(sockets[i].Inode)));
        }
        foreach (var s in unix)
            if (s.State == NetlinkConstants.TCP_LISTEN && s.Type is NetlinkConstants.SOCK_STREAM or NetlinkConstants.SOCK_SEQPACKET
                && !IsOwnSocket(map, s.Inode))
                sample.Listeners.Add(SockDiagRecords.Listener(s, map.For(s.Inode)));
        foreach (var l in fallback.Listeners)
            sample.Listeners.Add(l.Inode is null ? l : l with { Processes = map.For(l.Inode) });
        foreach (var c in fallback.Connections)
            sample.Connections.Add(c.Inode is null ? c : c with { Processes = map.For(c.Inode) });
    }

    /// <summary>Sockets per slice of <see cref="BuildConnections"/>: small hosts build on one thread.</summary>
    internal const int RecordSlice = 16_384;

    /// <summary>
    /// The connection record of each non-listening socket, by index (null for listeners and the tool's own sockets).
    /// 100 000 records are mostly allocation and first-touch page faults, so slices are built on every CPU at once;
    /// the order is the dump's whatever thread built a slice.
    /// </summary>
    internal static ConnectionInfo?[] BuildConnections(List<InetDiagSocket> inet, SocketProcessMap map, out int listeners)
    {
        var records = new ConnectionInfo?[inet.Count];
        int listening = 0;
        int slices = (inet.Count + RecordSlice - 1) / RecordSlice;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, slice =>
        {
            var sockets = CollectionsMarshal.AsSpan(inet);
            int end = Math.Min(sockets.Length, (slice + 1) * RecordSlice), found = 0;
            for (int i = slice * RecordSlice; i < end; i++)
            {
                if (SockDiagRecords.IsListener(sockets[i]))
                {
                    found++;
                    continue;
                }
                if (!IsOwnSocket(map, sockets[i].Inode))
                    records[i] = SockDiagRecords.Connection(sockets[i], map.For(sockets[i].Inode));
            }
            Interlocked.Add(ref listening, found);
        });
        listeners = listening;
        return records;
    }

    /// <summary>
    /// A socket held by this process alone (the .NET runtime's diagnostic IPC listener under JIT) is the tool's own,
    /// not the host's: like ss, which does not list its own netlink socket, the snapshot leaves it out.
    /// </summary>
    private static bool IsOwnSocket(SocketProcessMap map, ulong inode) => map.OwnSockets.Contains(inode);

    private static void AddCapabilities(SampleBuilder sample, HashSet<ProcNetTable> fromNetlink, ProcNetSocketsBuilder fallback)
    {
        bool tcpNetlink = fromNetlink.Contains(ProcNetTable.Tcp) && fromNetlink.Contains(ProcNetTable.Tcp6);
        bool tcpRead = (fromNetlink.Contains(ProcNetTable.Tcp) || fallback.Read.Contains(ProcNetTable.Tcp))
            && (fromNetlink.Contains(ProcNetTable.Tcp6) || fallback.Read.Contains(ProcNetTable.Tcp6));
        if (tcpRead)
        {
            sample.Capabilities.Add(SnapshotCapability.Listeners);
            sample.Capabilities.Add(SnapshotCapability.Connections);
        }
        if (tcpNetlink)
            sample.Capabilities.Add(SnapshotCapability.TcpInfo);
        if (tcpNetlink && fromNetlink.Contains(ProcNetTable.Unix))
            sample.Capabilities.Add(SnapshotCapability.ListenerBacklog);
    }

    internal static unsafe string? InterfaceName(uint index)
    {
        byte* name = stackalloc byte[16];
        return LibC.IfIndexToName(index, name) is null ? null : Marshal.PtrToStringUTF8((nint)name);
    }
}
