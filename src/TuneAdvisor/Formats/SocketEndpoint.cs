using System.Globalization;

namespace TuneAdvisor.Formats;

/// <summary>
/// A socket address as ss or netstat prints it, split into address, port and scope:
/// "0.0.0.0:22", "*:2379", "[::]:22", "[::ffff:10.0.0.1]:2380", "[fe80::1]%eth0:7000" (ss 6.x),
/// "[fe80::1%eth0]:7000" (older ss), "10.0.0.1%eth0:68" (bound to a device), ":::22" and "::1:8443" (netstat,
/// old ss: the last colon separates the port), "0.0.0.0:*" (no port). <see cref="Port"/> is null for "*" or a
/// service name.
/// </summary>
public readonly record struct SocketEndpoint(string Printed, string Address, int? Port, string? Scope)
{
    public static bool TryParse(string printed, out SocketEndpoint endpoint)
    {
        endpoint = default;
        int colon = printed.LastIndexOf(':');
        if (colon <= 0 || colon == printed.Length - 1)
            return false;
        var host = printed[..colon];
        var portText = printed[(colon + 1)..];
        int? port = null;
        if (portText != "*")
        {
            if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                port = p;
            else if (!IsServiceName(portText))
                return false;
        }
        string? scope = null;
        // "[fe80::1]%eth0" (ss 6.x puts the scope after the bracket)
        int pct = host.LastIndexOf('%');
        if (pct > 0 && host.IndexOf(']') is var close && close >= 0 && pct > close)
        {
            scope = host[(pct + 1)..];
            host = host[..pct];
        }
        if (host.StartsWith('[') && host.EndsWith(']'))
            host = host[1..^1];
        pct = host.IndexOf('%');
        if (pct > 0)
        {
            scope ??= host[(pct + 1)..];
            host = host[..pct];
        }
        if (host.Length == 0 || host.Contains(' ') || host.Contains('[') || host.Contains(']'))
            return false;
        endpoint = new SocketEndpoint(printed, host, port, scope);
        return true;
    }

    /// <summary>"[::]:22" for IPv6, "0.0.0.0:22" for IPv4, "*" for no port: how ss prints an address (used for netstat rows).</summary>
    public string Canonical => $"{(Address.Contains(':') ? $"[{Address}]" : Address)}:{PortText}";

    /// <summary>An address for matching the same socket across ss and netstat: "*" is "::", v4-mapped IPv6 is IPv4, no scope.</summary>
    public string MatchKey
    {
        get
        {
            var a = Address == "*" ? "::" : Address;
            if (a.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase) && a.Contains('.'))
                a = a["::ffff:".Length..];
            return $"{a.ToLowerInvariant()}|{PortText}";
        }
    }

    private string PortText => Port?.ToString(CultureInfo.InvariantCulture) ?? (Printed.EndsWith(":*", StringComparison.Ordinal) ? "*" : Printed[(Printed.LastIndexOf(':') + 1)..]);

    /// <summary>True when the peer is a wildcard ("0.0.0.0:*", "*:*", "[::]:*", ":::*", Windows "0.0.0.0:0").</summary>
    public bool IsWildcardPeer => Port is null or 0 && (Address is "*" or "0.0.0.0" or "::");

    private static bool IsServiceName(string s)
    {
        foreach (var c in s)
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.')
                return false;
        return s.Length > 0 && char.IsAsciiLetter(s[0]);
    }
}
