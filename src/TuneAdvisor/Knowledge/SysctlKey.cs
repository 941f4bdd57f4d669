
namespace TuneAdvisor.Knowledge;

/// <summary>Conversions between /proc/sys paths, sysctl.d spellings and dotted keys.</summary>
public static class SysctlKey
{
    /// <summary>"net/ipv4/conf/eth0.100/rp_filter" → "net.ipv4.conf.eth0/100.rp_filter" (dots in a component become slashes, as sysctl prints them).</summary>
    public static string FromRelativePath(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/');
        return string.Join('.', parts.Select(p => p.Replace('.', '/')));
    }

    /// <summary>"net.ipv4.conf.eth0/100.rp_filter" → "net/ipv4/conf/eth0.100/rp_filter".</summary>
    public static string ToRelativePath(string key) =>
        string.Join('/', key.Split('.').Select(p => p.Replace('/', '.')));

    /// <summary>
    /// Normalises a key as systemd-sysctl does: when the first separator is '/', the key is a path and its
    /// slashes become dots (and dots become slashes); when it is '.', the key is already dotted.
    /// </summary>
    public static string Normalize(string key)
    {
        key = key.Trim();
        int slash = key.IndexOf('/');
        int dot = key.IndexOf('.');
        if (slash >= 0 && (dot < 0 || slash < dot))
            return FromRelativePath(key.TrimStart('/'));
        return key;
    }

    /// <summary>Collapses runs of whitespace to one space and trims ("4096\t131072\t6291456\n" → "4096 131072 6291456").</summary>
    public static string NormalizeValue(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
