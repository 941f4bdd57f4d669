using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection;

/// <summary>
/// Interface counters from /proc/net/dev (the interface list of the netns that ProcRoot shows), completed from
/// /sys/class/net/IF: every statistics/* file (unsummed: rx_missed_errors, rx_nohandler, rx_crc_errors, ...), speed,
/// mtu, operstate and tx_queue_len. speed is Mb/s; the kernel answers EINVAL when the link is down and -1 when the
/// driver does not know (veth, virtio, lo), and old drivers print 65535 or 4294967295: all of these are unknown
/// (null), as is 0. When /proc/net/dev is unreadable the interfaces listed in /sys/class/net are kept with their
/// link facts and statistics only.
/// </summary>
public sealed class InterfaceCollector : ICollector
{
    public string Name => "interfaces";

    public bool IsSampled => true;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var reader = new BoundedFileReader();
        var devPath = context.Proc("net/dev");
        var classNet = context.Sys("class/net");
        bool hasSysfs = Directory.Exists(classNet);
        List<InterfaceInfo> interfaces;

        var status = reader.TryRead(devPath, out var text);
        if (status == ReadStatus.Ok)
        {
            var parsed = ProcNetDevParser.Parse(text, devPath);
            foreach (var d in parsed.Diagnostics)
                sample.Note(d);
            interfaces = [.. parsed.Items];
            sample.Inputs.Add(devPath);
        }
        else
        {
            sample.Note(status == ReadStatus.PermissionDenied ? KnownDiagnostics.PermissionDenied : KnownDiagnostics.SourceUnavailable, devPath,
                status == ReadStatus.PermissionDenied ? devPath : $"{devPath} is unreadable ({status}); interface counters come from {classNet} only");
            interfaces = hasSysfs ? ListSysfs(classNet) : [];
        }

        if (!hasSysfs)
            sample.Note(KnownDiagnostics.SourceUnavailable, classNet, $"{classNet} is missing; interface speed, mtu, operstate and statistics are unknown");
        else
        {
            var missing = new List<string>();
            for (int i = 0; i < interfaces.Count; i++)
            {
                var dir = Path.Combine(classNet, interfaces[i].Name);
                if (Directory.Exists(dir))
                    interfaces[i] = WithSysfs(interfaces[i], dir, reader);
                else
                    missing.Add(interfaces[i].Name);
            }
            if (missing.Count > 0)
                sample.Note(KnownDiagnostics.InputNote, classNet,
                    $"{string.Join(", ", missing)} have no directory in {classNet} (sysfs of another network namespace?); their link facts are unknown");
            sample.Inputs.Add(classNet);
        }

        sample.Interfaces.AddRange(interfaces);
        if (status == ReadStatus.Ok || interfaces.Count > 0)
            sample.Capabilities.Add(SnapshotCapability.Interfaces);
    }

    /// <summary>Adds the link facts and statistics of one /sys/class/net/IF directory.</summary>
    public static InterfaceInfo WithSysfs(InterfaceInfo info, string dir, BoundedFileReader reader) => info with
    {
        SpeedMbps = ParseSpeed(reader.ReadOrNull(Path.Combine(dir, "speed"))),
        Mtu = int.TryParse(reader.ReadOrNull(Path.Combine(dir, "mtu"))?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var mtu) ? mtu : null,
        OperState = reader.ReadOrNull(Path.Combine(dir, "operstate"))?.Trim() is { Length: > 0 } state ? state : null,
        TxQueueLen = long.TryParse(reader.ReadOrNull(Path.Combine(dir, "tx_queue_len"))?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var qlen) ? qlen : null,
        Statistics = ReadStatistics(Path.Combine(dir, "statistics"), reader),
        Source = info.Source.Length > 0 ? info.Source : dir,
    };

    /// <summary>Mb/s, or null for EINVAL (null text), -1 (SPEED_UNKNOWN), 0, 65535 and 4294967295 (unknown on old drivers).</summary>
    public static long? ParseSpeed(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
        && v > 0 && v != 65535 && v != uint.MaxValue ? v : null;

    private static ImmutableSortedDictionary<string, long> ReadStatistics(string dir, BoundedFileReader reader)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var name in DirectoryListing.Names(dir, directories: false))
            if (long.TryParse(reader.ReadOrNull(Path.Combine(dir, name))?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                builder[name] = v;
        return builder.ToImmutable();
    }

    /// <summary>The interface directories (symlinks) of /sys/class/net; files such as bonding_masters are not interfaces.</summary>
    private static List<InterfaceInfo> ListSysfs(string classNet) =>
        DirectoryListing.Names(classNet, directories: true)
            .Order(StringComparer.Ordinal)
            .Select(name => new InterfaceInfo { Name = name })
            .ToList();
}
