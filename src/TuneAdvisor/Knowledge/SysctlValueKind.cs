
namespace TuneAdvisor.Knowledge;

/// <summary>What a sysctl's text holds, as the kernel documents it (Documentation/networking/ip-sysctl.rst).</summary>
public enum SysctlValueKind
{
    /// <summary>One integer ("4096").</summary>
    Integer,
    /// <summary>One integer that counts bytes ("212992").</summary>
    Bytes,
    /// <summary>Whitespace-separated integers ("4096 131072 6291456").</summary>
    IntegerList,
    /// <summary>Text ("bbr", "fq_codel").</summary>
    String,
}
