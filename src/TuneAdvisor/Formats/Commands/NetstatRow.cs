using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// One socket row of `netstat` (net-tools) or Windows `netstat -nao`, recognised by its shape so translated headers and
/// timer words do not matter. net-tools inet rows: Proto Recv-Q Send-Q Local Foreign [State] [User Inode]
/// [PID/Program] [Timer]; UNIX rows: unix RefCnt [ Flags ] Type [State] I-Node [PID/Program] [Path]; Windows rows:
/// Proto Local Foreign [State] [PID] (no queues).
/// </summary>
public sealed partial record NetstatRow
{
    public required string Protocol { get; init; }      // tcp, udp, raw, unix
    public string? State { get; init; }                 // ss spelling, or the printed word when unknown
    public bool StateKnown { get; init; }
    public long? RecvQ { get; init; }
    public long? SendQ { get; init; }
    public SocketEndpoint? Local { get; init; }
    public SocketEndpoint? Foreign { get; init; }
    public string? UnixPath { get; init; }
    public uint? Uid { get; init; }
    public ulong? Inode { get; init; }
    public int? Timer { get; init; }
    public ImmutableArray<ProcessRef> Processes { get; init; } = [];
    public bool Windows { get; init; }
    /// <summary>Recv-Q is a lower bound: the row was pasted without its Proto column or cut inside the number.</summary>
    public bool RecvQAtLeast { get; init; }
    public bool SendQAtLeast { get; init; }
    /// <summary>The row was cut at the end of the paste; the address fields after the cut are null.</summary>
    public bool Truncated { get; init; }

    private static readonly Dictionary<string, string> InetProtocols = new(StringComparer.Ordinal)
    {
        ["tcp"] = "tcp", ["tcp6"] = "tcp", ["udp"] = "udp", ["udp6"] = "udp", ["udpl"] = "udp", ["udpl6"] = "udp",
        ["raw"] = "raw", ["raw6"] = "raw",
    };

    // The countdown is printed with the locale's decimal separator ("58,22" in de_DE, net-tools' "%2.2f").
    [GeneratedRegex(@"(?:\s+(?<previous>\S+))?\s+(?<word>\S+)\s+\((?<time>[\d.,]+)/\d+/\d+\)\s*$")]
    private static partial Regex TimerSuffix();

    /// <summary>True when the first word names a protocol netstat prints (so a failure to parse is worth a warning).</summary>
    public static bool StartsLikeRow(string line)
    {
        var first = FirstWord(line);
        return InetProtocols.ContainsKey(first) || first == "unix" || first is "TCP" or "UDP";
    }

    public static NetstatRow? TryParse(string line, out string why)
    {
        why = "";
        var first = FirstWord(line);
        if (first == "unix")
            return TryParseUnix(line, out why);
        if (first is "TCP" or "UDP")
            return TryParseWindows(line, out why);
        if (!InetProtocols.TryGetValue(first, out var protocol))
        {
            why = "not a netstat socket row";
            return null;
        }
        int? timer = null;
        var body = line.TrimEnd();
        var tm = TimerSuffix().Match(body);
        if (tm.Success)
        {
            var previous = tm.Groups["previous"];
            timer = NetstatTimerWords.Read(previous.Success ? previous.Value : null, tm.Groups["word"].Value, out int words);
            body = body[..(words == 2 || !previous.Success ? tm.Index : previous.Index + previous.Length)];
        }
        var t = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (t.Length < 5 || !long.TryParse(t[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rq)
            || !long.TryParse(t[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sq))
        {
            why = "Recv-Q, Send-Q or the addresses are missing";
            return null;
        }
        if (!SocketEndpoint.TryParse(t[3], out var local) || !SocketEndpoint.TryParse(t[4], out var foreign))
        {
            why = "the local or foreign address is not 'address:port'";
            return null;
        }
        // After the addresses: [State] [User Inode] [PID/Program name (may hold spaces)]
        int p = 5;
        int prog = Array.FindIndex(t, p, w => w == "-" || ProgramToken().IsMatch(w));
        var head = t[p..(prog < 0 ? t.Length : prog)];
        string? state = null;
        bool known = false;
        int h = 0;
        if (head.Length > 0 && (protocol == "tcp" || SocketStates.Normalize(head[0]) is not null || (protocol == "raw" && head.Length is 1 or 3)))
        {
            var normalized = SocketStates.Normalize(head[0]);
            known = normalized is not null;
            state = normalized ?? head[0];
            h = 1;
        }
        uint? uid = null;
        ulong? inode = null;
        if (head.Length - h == 2)
        {
            uid = uint.TryParse(head[h], NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : null;
            inode = ulong.TryParse(head[h + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        else if (head.Length - h != 0)
        {
            why = "the columns after the addresses are not [State] [User Inode] [PID/Program]";
            return null;
        }
        return new NetstatRow
        {
            Protocol = protocol,
            State = state,
            StateKnown = known,
            RecvQ = rq,
            SendQ = sq,
            Local = local,
            Foreign = foreign,
            Uid = uid,
            Inode = inode,
            Timer = timer,
            Processes = prog < 0 ? [] : Program(string.Join(' ', t[prog..])),
        };
    }

    private static NetstatRow? TryParseUnix(string line, out string why)
    {
        why = "a UNIX row needs RefCnt [ Flags ] Type [State] I-Node";
        var t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int close = Array.IndexOf(t, "]");
        if (t.Length < 5 || t[2] != "[" || close < 0 || close + 2 >= t.Length)
            return null;
        int i = close + 2;                        // after Type
        string? state = null;
        if (!ulong.TryParse(t[i], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            state = t[i++];
        if (i >= t.Length || !ulong.TryParse(t[i], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
            return null;
        i++;
        string? path = i < t.Length && (t[^1].StartsWith('/') || t[^1].StartsWith('@')) ? t[^1] : null;
        int end = path is null ? t.Length : t.Length - 1;
        var processes = i < end ? Program(string.Join(' ', t[i..end])) : [];
        return new NetstatRow
        {
            Protocol = "unix",
            State = state == "LISTENING" ? SocketStates.Listen : state,
            StateKnown = state is not null,
            UnixPath = path,
            Inode = inode,
            Processes = processes,
        };
    }

    private static NetstatRow? TryParseWindows(string line, out string why)
    {
        why = "a Windows netstat row needs Proto Local Foreign [State] [PID]";
        var t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (t.Length < 3 || !SocketEndpoint.TryParse(t[1], out var local) || !SocketEndpoint.TryParse(t[2], out var foreign))
            return null;
        var protocol = t[0] == "TCP" ? "tcp" : "udp";
        int i = 3;
        string? state = null;
        bool known = false;
        if (protocol == "tcp" && i < t.Length && !int.TryParse(t[i], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            var normalized = SocketStates.Normalize(t[i]);
            known = normalized is not null;
            state = normalized ?? t[i];
            i++;
        }
        var processes = i < t.Length && int.TryParse(t[i], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? ImmutableArray.Create(new ProcessRef(pid, "", null)) : [];
        return new NetstatRow
        {
            Protocol = protocol,
            State = state,
            StateKnown = known,
            Local = local,
            Foreign = foreign,
            Processes = processes,
            Windows = true,
        };
    }

    [GeneratedRegex(@"^\d+/")]
    private static partial Regex ProgramToken();

    /// <summary>"1026/sshd" → pid 1026, name "sshd"; "-" (not ours, or an orphan) → none.</summary>
    private static ImmutableArray<ProcessRef> Program(string text)
    {
        int slash = text.IndexOf('/');
        if (slash <= 0 || !int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            return [];
        return [new ProcessRef(pid, text[(slash + 1)..].Trim(), null)];
    }

    private static string FirstWord(string line)
    {
        var t = line.TrimStart();
        int end = 0;
        while (end < t.Length && !char.IsWhiteSpace(t[end]))
            end++;
        return t[..end];
    }
}
