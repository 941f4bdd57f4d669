using TuneAdvisor.Collection;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Sources.Sosreport;

/// <summary>
/// Reads the sysctl configuration files (etc/sysctl.d, usr/lib/sysctl.d, etc/sysctl.conf …) under a root folder into a
/// sample. The sosreport reader calls it with the sosreport's root, after the effective values from `sysctl -a` are in
/// the sample; the image collector's sysctl.d merger is meant to plug in here.
/// </summary>
public delegate void SysctlConfigurationReader(string configRoot, SampleBuilder sample);

/// <summary>Options of <see cref="SosreportReader"/>.</summary>
public sealed record SosreportOptions
{
    /// <summary>
    /// Merges the sosreport's sysctl.d files onto the `sysctl -a` values. The default is the image merger
    /// (<see cref="SysctlConfigCollector"/> over the sosreport's root: systemd-sysctl order, the configured value and its
    /// winning line on each key). Null leaves them unread, with a note when they are present.
    /// </summary>
    public SysctlConfigurationReader? SysctlConfiguration { get; init; } = MergeSysctlConfiguration;

    /// <summary>The default <see cref="SysctlConfiguration"/>: the live collector's merge, with the sosreport as the config root.</summary>
    public static void MergeSysctlConfiguration(string configRoot, SampleBuilder sample) =>
        new SysctlConfigCollector().Collect(new CollectionContext { ConfigRoot = configRoot, ProcRoot = Path.Combine(configRoot, "proc") }, sample);
}
