using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// One copied /proc/sys file given by its path ("…/proc/sys/net/core/somaxconn", "proc/sys/net/ipv4/tcp_rmem"): the
/// content is only the value, so the key comes from the path below "proc/sys" (<see cref="SysctlKey.FromRelativePath"/>)
/// and the content alone never selects this parser (<see cref="Confidence"/> is 0; the registry asks
/// <see cref="TryKey"/> first). net/netfilter/nf_conntrack_count and nf_conntrack_max are also the gauges
/// "conntrack.count" (a per-netns fill level) and "conntrack.max", as the live ConntrackCollector stores them.
/// </summary>
public sealed class ProcSysFileParser : IInputParser
{
    public string Kind => "/proc/sys file";

    /// <summary>A value file holds one value, at most a few lines (dev.cdrom.info-like files are rare in captures).</summary>
    private const int MaxLines = 64;

    public int Confidence(string text) => 0;

    /// <summary>The sysctl key when <paramref name="path"/> lies below a "proc/sys" folder and the text looks like a value; else null.</summary>
    public static string? TryKey(string path, string text)
    {
        var p = path.Replace('\\', '/');
        int at = p.LastIndexOf("proc/sys/", StringComparison.Ordinal);
        if (at < 0 || (at > 0 && p[at - 1] != '/'))
            return null;
        var relative = p[(at + "proc/sys/".Length)..].Trim('/');
        if (relative.Length == 0 || InputLine.Split(text).Take(MaxLines + 1).Count() > MaxLines)
            return null;
        return SysctlKey.FromRelativePath(relative);
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var key = TryKey(path, text);
        if (key is null)
        {
            InputNotes.Info(sample, path, 0, $"{path} is not below a proc/sys folder; its key is unknown and it was not read");
            return;
        }
        var value = SysctlKey.NormalizeValue(text);
        var first = InputLine.Split(text).FirstOrDefault(l => l.Text.Trim().Length > 0);
        var source = first.Number > 0 ? first.Source(path) : path;
        sample.SetSysctl(key, value, source);
        sample.Capabilities.Add(SnapshotCapability.Sysctls);
        if (value.Length == 0)
            InputNotes.Info(sample, path, 0, $"{path} is empty: {key} is recorded with an empty value");

        var gauge = key switch
        {
            "net.netfilter.nf_conntrack_count" => "conntrack.count",
            "net.netfilter.nf_conntrack_max" => "conntrack.max",
            _ => null,
        };
        if (gauge is null)
            return;
        if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            sample.Gauges[gauge] = n;
            sample.Capabilities.Add(SnapshotCapability.Conntrack);
        }
        else
            InputNotes.Info(sample, path, first.Number, $"'{value}' is not a count; {gauge} is unknown");
    }
}
