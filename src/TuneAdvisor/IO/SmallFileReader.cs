using System.Text;
using TuneAdvisor.IO.Native;

namespace TuneAdvisor.IO;

/// <summary>How reading one small kernel file went.</summary>
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
}

/// <summary>
/// Reads many small /proc and /sys files fast: open(2), read(2) into one reused buffer, close(2) — three system
/// calls, no FileStream, no exception for the common failures, and the errno kept so callers can tell "link down"
/// (EINVAL) from "no such attribute" (ENOENT). One instance per thread; it is not thread-safe.
/// </summary>
public sealed unsafe class SmallFileReader
{
    private byte[] _buffer = new byte[4096];
    private byte[] _path = new byte[512];

    /// <summary>The errno of the last failed read (0 after a success).</summary>
    public int LastErrno { get; private set; }

    public ReadStatus TryRead(string path, out string text)
    {
        text = "";
        int fd = Open(path);
        if (fd < 0)
            return Classify(LastErrno = LibC.LastError);
        try
        {
            int total = 0;
            while (true)
            {
                if (total == _buffer.Length)
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                nint n;
                fixed (byte* p = &_buffer[total])
                    n = LibC.Read(fd, p, (nuint)(_buffer.Length - total));
                if (n < 0)
                {
                    int errno = LibC.LastError;
                    if (errno == LibC.EINTR)
                        continue;
                    return Classify(LastErrno = errno);
                }
                if (n == 0)
                    break;
                total += (int)n;
            }
            LastErrno = 0;
            text = Encoding.UTF8.GetString(_buffer, 0, total);
            return ReadStatus.Ok;
        }
        finally
        {
            LibC.Close(fd);
        }
    }

    /// <summary>The file's text, or null for any failure.</summary>
    public string? ReadOrNull(string path) => TryRead(path, out var text) == ReadStatus.Ok ? text : null;

    private int Open(string path)
    {
        int max = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        if (_path.Length < max)
            _path = new byte[Math.Max(max, _path.Length * 2)];
        int len = Encoding.UTF8.GetBytes(path, _path);
        _path[len] = 0;
        fixed (byte* p = _path)
            return LibC.Open(p, LibC.O_RDONLY | LibC.O_CLOEXEC);
    }

    private static ReadStatus Classify(int errno) => errno switch
    {
        2 or 20 => ReadStatus.Missing,    // ENOENT, ENOTDIR
        1 or 13 => ReadStatus.PermissionDenied, // EPERM, EACCES
        22 => ReadStatus.Invalid,          // EINVAL
        _ => ReadStatus.Failed,
    };
}
