
namespace TuneAdvisor.Collection;

/// <summary>How many per-interface sysctl directories (net.ipv4.conf.IF, net.ipv6.conf.IF, net.ipv4.neigh.IF, net.ipv6.neigh.IF) to read.</summary>
public enum PerInterfaceSysctls
{
    /// <summary>"all", "default", "lo" and the interfaces that are administratively up, capped (see <see cref="SysctlCollector"/>).</summary>
    Selected,
    /// <summary>Every interface: about 130 files each, so 65 000 files on a host with 500 interfaces.</summary>
    All,
}
