using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Everything after the address columns of an ss row and its continuation lines: processes (-p), timer (-o),
/// uid/inode/cookie (-e), socket memory (-m) and tcp_info (-i).
/// </summary>
public sealed record SsDetails
{
    public ImmutableArray<ProcessRef> Processes { get; init; } = [];
    public int? Timer { get; init; }
    public uint? Uid { get; init; }
    public ulong? Inode { get; init; }
    public ulong? Cookie { get; init; }
    public SocketMemory? Memory { get; init; }
    public TcpInfo? Info { get; init; }
    public string? Congestion { get; init; }
    /// <summary>False when a group was left open or a process list was malformed (the row was cut).</summary>
    public bool Complete { get; init; } = true;

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "ts", "sack", "ecn", "ecnseen", "fastopen", "app_limited", "<->", "-->", "<--", "---", "mptcp", "tcp-ulp-tls",
    };

    /// <summary>Words followed by a value in the next token ("send 10Mbps", "pacing_rate 5Mbps/10Mbps").</summary>
    private static readonly HashSet<string> Pairs = new(StringComparer.Ordinal) { "send", "pacing_rate", "delivery_rate" };

    public static SsDetails Parse(IReadOnlyList<string> tokens, bool balanced)
    {
        var info = new TcpInfoFields();
        var result = new SsDetails { Complete = balanced };
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith("users:(", StringComparison.Ordinal))
            {
                bool ok = SsProcessList.TryParse(token, out var processes);
                result = result with { Processes = processes, Complete = result.Complete && ok };
                continue;
            }
            if (Pairs.Contains(token) && i + 1 < tokens.Count)
            {
                info.SetRate(token, tokens[++i]);
                continue;
            }
            if (Flags.Contains(token))
            {
                info.SetFlag(token);
                continue;
            }
            int colon = token.IndexOf(':');
            if (colon < 0)
            {
                if (IsWord(token) && result.Congestion is null)
                    result = result with { Congestion = token };
                continue;
            }
            var key = token[..colon];
            var value = token[(colon + 1)..];
            switch (key)
            {
                case "timer":
                    result = result with { Timer = TimerKind(value) };
                    break;
                case "uid":
                    result = result with { Uid = uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null };
                    break;
                case "ino":
                    result = result with { Inode = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ino) && ino > 0 ? ino : null };
                    break;
                case "sk":
                    result = result with { Cookie = ulong.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var sk) ? sk : null };
                    break;
                case "skmem":
                    result = result with { Memory = ParseMemory(value) };
                    break;
                default:
                    info.Set(key, value);
                    break;
            }
        }
        return result with { Info = info.Build() };
    }

    private static bool IsWord(string token)
    {
        if (token.Length == 0 || !char.IsAsciiLetterLower(token[0]))
            return false;
        foreach (var c in token)
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
                return false;
        return true;
    }

    /// <summary>ss prints the timer as on (retransmit), keepalive, timewait, persist (zero-window probe) or unknown.</summary>
    private static int? TimerKind(string value)
    {
        var name = value.TrimStart('(').Split(',')[0];
        return name switch
        {
            "off" => 0,
            "on" => 1,
            "keepalive" => 2,
            "timewait" => 3,
            "persist" => 4,
            _ => null,
        };
    }

    /// <summary>skmem:(r0,rb212992,t0,tb212992,f0,w0,o0,bl0,d0); bl and d are missing on old kernels.</summary>
    internal static SocketMemory? ParseMemory(string value)
    {
        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in value.Trim('(', ')').Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int digits = 0;
            while (digits < part.Length && !char.IsAsciiDigit(part[digits]))
                digits++;
            if (digits == 0 || !long.TryParse(part[digits..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return null;
            fields[part[..digits]] = n;
        }
        long? Get(string k) => fields.TryGetValue(k, out var v) ? v : null;
        if (Get("r") is not { } r || Get("rb") is not { } rb || Get("t") is not { } t || Get("tb") is not { } tb
            || Get("f") is not { } f || Get("w") is not { } w || Get("o") is not { } o)
            return null;
        return new SocketMemory(r, rb, t, tb, f, w, o, Get("bl"), Get("d"));
    }
}
