namespace TuneAdvisor.IO;

/// <summary>
/// What <see cref="BoundedFileReader"/> accepts for one kind of file: at most <see cref="MaxBytes"/> bytes actually read
/// (never the size the file system reports, which is 0 for /proc files, devices and FIFOs), and, unless
/// <see cref="AnyFileType"/>, only regular files. With <see cref="KeepStart"/>, a longer file gives its first
/// MaxBytes (for the caller to note as cut); without, it gives nothing. One preset per kind of file, so every limit is
/// stated once.
/// </summary>
public readonly record struct FileReadLimits(long MaxBytes, bool AnyFileType = false, bool KeepStart = false)
{
    private const long MiB = 1024 * 1024;

    /// <summary>Live /proc and /sys files: every one is a regular file there, so the type is not checked (one system call less per file on the hot path); /proc/net/tcp6 of a host with a million sockets is ~150 MB.</summary>
    public static FileReadLimits Kernel { get; } = new(256 * MiB, AnyFileType: true);

    /// <summary>Raw captures (ss, netstat, nstat output, copied /proc files) and copied /proc/sys trees.</summary>
    public static FileReadLimits Capture { get; } = new(64 * MiB);

    /// <summary>Snapshots saved by `collect` (compact JSON, ~1.4 KB per connection: ~750 000 connections).</summary>
    public static FileReadLimits Snapshot { get; } = new(1024 * MiB);

    /// <summary>What people write: policy files, rule files with their help pages and test cases, ID-RANGES.txt.</summary>
    public static FileReadLimits Config { get; } = new(16 * MiB);

    /// <summary>Baselines written by `--write-baseline` (one small record per finding).</summary>
    public static FileReadLimits Baseline { get; } = new(256 * MiB);

    /// <summary>Configuration files inside an image root (sysctl.d, systemd units, server configs): read up to this much, the rest noted as cut.</summary>
    public static FileReadLimits ImageFile { get; } = new(4 * MiB, KeepStart: true);

    /// <summary>"64 MiB", for messages.</summary>
    public string Describe() => MaxBytes % MiB == 0 ? $"{MaxBytes / MiB} MiB" : $"{MaxBytes} bytes";
}
