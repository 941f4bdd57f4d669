namespace TuneAdvisor.IO;

/// <summary>How reading one file went.</summary>
public enum ReadStatus
{
    Ok,
    /// <summary>ENOENT / ENOTDIR: the file does not exist (a key of an unloaded module, a driver without the attribute).</summary>
    Missing,
    /// <summary>EACCES / EPERM: write-only sysctls (net.ipv4.route.flush) and root-only files.</summary>
    PermissionDenied,
    /// <summary>EINVAL: the kernel refuses the value now, e.g. /sys/class/net/IF/speed of a link that is down.</summary>
    Invalid,
    /// <summary>Any other errno (EIO from an unset net.ipv6.conf.*.stable_secret, ...).</summary>
    Failed,
    /// <summary>A folder where a file was expected.</summary>
    Directory,
    /// <summary>A FIFO, a device, a socket: refused without reading, so /dev/zero cannot fill memory and a FIFO cannot hang the run.</summary>
    NotRegularFile,
    /// <summary>More bytes than the limit allows; the text holds the first <see cref="FileReadLimits.MaxBytes"/> of them.</summary>
    TooLarge,
}
