using System.Globalization;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection;

/// <summary>Host facts: hostname, kernel release, os-release, boot id, uptime, network namespace, root or not.</summary>
public sealed class HostCollector : ICollector
{
    public string Name => "host";

    public bool IsSampled => false;

    public void Collect(CollectionContext context, SampleBuilder sample)
    {
        var osrelease = context.Proc("sys/kernel/osrelease");
        var netns = ReadLink(context.Proc("self/ns/net"));
        var initNetns = ReadLink(context.Proc("1/ns/net"));
        sample.Host = sample.Host with
        {
            Hostname = ProcFile.TryReadLine(context.Proc("sys/kernel/hostname")),
            Kernel = ProcFile.TryReadLine(osrelease),
            KernelSource = osrelease,
            OsRelease = OsRelease.PrettyName(context.Config("etc/os-release")) ?? OsRelease.PrettyName(context.Config("usr/lib/os-release")),
            BootId = ProcFile.TryReadLine(context.Proc("sys/kernel/random/boot_id")),
            UptimeSeconds = ParseUptime(ProcFile.TryReadLine(context.Proc("uptime"))),
            NetworkNamespace = netns,
            IsInitialNetworkNamespace = netns is not null && initNetns is not null ? netns == initNetns : InitNetnsByKeys(context),
            IsRoot = Environment.UserName == "root" || GetEuid() == 0,
            CpuCount = Environment.ProcessorCount,
        };
    }

    /// <summary>
    /// When /proc/1/ns/net cannot be read (a sandbox or a PID namespace hides pid 1), the sysctl tree still tells:
    /// net.core.netdev_max_backlog exists only in the initial network namespace (<see cref="InitNetnsKeys"/>).
    /// </summary>
    private static bool? InitNetnsByKeys(CollectionContext context) =>
        Directory.Exists(context.Proc("sys/net/core")) ? File.Exists(context.Proc("sys/net/core/netdev_max_backlog")) : null;

    private static double? ParseUptime(string? line) =>
        line is not null && double.TryParse(line.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}
