using System.Collections.Immutable;
using System.Globalization;

namespace TuneAdvisor.Knowledge;

/// <summary>
/// The local ports connect() may pick for a socket that did not bind() one (net/ipv4/inet_hashtables.c
/// __inet_hash_connect()): net.ipv4.ip_local_port_range, "low high" inclusive, without the ports of
/// net.ipv4.ip_local_reserved_ports (checked there with inet_is_local_reserved_port()). Both keys are per network
/// namespace. The reserved list is what proc_do_large_bitmap() reads and prints: ports and ranges separated by
/// commas, "8080,9000-9100", empty for none.
/// </summary>
public sealed class EphemeralPorts
{
    private readonly ImmutableArray<(int Low, int High)> _reserved;

    private EphemeralPorts(int low, int high, ImmutableArray<(int Low, int High)> reserved)
    {
        Low = low;
        High = high;
        _reserved = reserved;
    }

    public int Low { get; }

    public int High { get; }

    /// <summary>The ports of the range, reserved ones included.</summary>
    public int RangeSize => High - Low + 1;

    /// <summary>The reserved ports that lie inside the range.</summary>
    public int ReservedInRange => _reserved.Sum(r => Math.Max(0, Math.Min(r.High, High) - Math.Max(r.Low, Low) + 1));

    /// <summary>True when connect() may pick <paramref name="port"/>: inside the range and not reserved.</summary>
    public bool Contains(int port) => port >= Low && port <= High && !IsReserved(port);

    public bool IsReserved(int port)
    {
        foreach (var (low, high) in _reserved)
            if (port >= low && port <= high)
                return true;
        return false;
    }

    /// <summary>
    /// The ports from the two sysctl values; null with the reason when either is missing or malformed (a range that
    /// is not two ports with low ≤ high, a reserved list that is not ports and ranges). Nothing is assumed for a
    /// missing key: the default range differs between kernels (32768–61000 before 4.2) and namespaces can change it.
    /// </summary>
    public static EphemeralPorts? TryParse(string? range, string? reserved, out string why)
    {
        why = "";
        if (range is null)
        {
            why = "net.ipv4.ip_local_port_range is not in this snapshot";
            return null;
        }
        if (!TryParseRange(range, out var low, out var high))
        {
            why = $"net.ipv4.ip_local_port_range '{range}' is not two ports 'low high' with low <= high";
            return null;
        }
        if (reserved is null)
        {
            why = "net.ipv4.ip_local_reserved_ports is not in this snapshot (its ports are not usable)";
            return null;
        }
        if (!TryParseReserved(reserved, out var ranges))
        {
            why = $"net.ipv4.ip_local_reserved_ports '{reserved}' is not a list of ports and ranges such as 8080,9000-9100";
            return null;
        }
        return new EphemeralPorts(low, high, ranges);
    }

    /// <summary>"32768 60999" (any whitespace) into its two ports.</summary>
    public static bool TryParseRange(string text, out int low, out int high)
    {
        low = high = 0;
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && TryPort(parts[0], out low) && TryPort(parts[1], out high) && low <= high;
    }

    /// <summary>"8080,9000-9100" into sorted, merged (low, high) ranges; "" (or whitespace) is no reserved port.</summary>
    public static bool TryParseReserved(string text, out ImmutableArray<(int Low, int High)> ranges)
    {
        ranges = [];
        var builder = ImmutableArray.CreateBuilder<(int, int)>();
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0)
            {
                if (text.Trim().Length == 0)
                    continue;
                return false;
            }
            var dash = item.IndexOf('-');
            if (dash < 0)
            {
                if (!TryPort(item, out var port))
                    return false;
                builder.Add((port, port));
                continue;
            }
            if (!TryPort(item[..dash].Trim(), out var low) || !TryPort(item[(dash + 1)..].Trim(), out var high) || low > high)
                return false;
            builder.Add((low, high));
        }
        builder.Sort();
        // The kernel keeps a bitmap, so "8000-9000,8080" reserves 1001 ports: merge overlapping ranges.
        var merged = ImmutableArray.CreateBuilder<(int Low, int High)>(builder.Count);
        foreach (var (low, high) in builder)
        {
            if (merged.Count > 0 && low <= merged[^1].High + 1)
                merged[^1] = (merged[^1].Low, Math.Max(merged[^1].High, high));
            else
                merged.Add((low, high));
        }
        ranges = merged.ToImmutable();
        return true;
    }

    private static bool TryPort(string s, out int port) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
}
