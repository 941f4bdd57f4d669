using System.Text;
using TuneAdvisor.IO.Native;

namespace TuneAdvisor.IO;

/// <summary>
/// The one way TuneAdvisor reads a file, whatever it is (a capture, a snapshot, a policy, a rule file, a file in an
/// image root, a /proc or /sys file): open(2) with O_NONBLOCK and O_NOCTTY, so neither a FIFO nor a terminal can
/// block the open; statx(2) on the open descriptor, so a FIFO, a device or a socket is refused before a byte is read
/// (unless the limits allow any type: live /proc and /sys); then read(2) into one reused buffer until end of file or
/// one byte past <see cref="FileReadLimits.MaxBytes"/>, so the cap counts bytes actually read, never the reported size.
/// No exception for the common failures: the errno is kept so callers can tell "link down" (EINVAL) from "no such
/// attribute" (ENOENT), and <see cref="Describe"/> words any failure with the file's name. One instance per thread;
/// it is not thread-safe.
/// </summary>
public sealed unsafe partial class BoundedFileReader
{
    /// <summary>Buffers past this size are dropped after a read, so a reader kept for /proc does not pin a 64 MiB capture.</summary>
    private const int KeptBufferBytes = 1024 * 1024;

    private byte[] _buffer = new byte[4096];
    private byte[] _path = new byte[512];
    private int _length;

    /// <summary>A reader for live /proc and /sys files (<see cref="FileReadLimits.Kernel"/>).</summary>
    public BoundedFileReader() : this(FileReadLimits.Kernel)
    {
    }

    public BoundedFileReader(FileReadLimits limits) => Limits = limits;

    public FileReadLimits Limits { get; }

    /// <summary>The errno of the last failed read (0 after a success).</summary>
    public int LastErrno { get; private set; }

    /// <summary>What the last file refused as <see cref="ReadStatus.NotRegularFile"/> was: "a FIFO", "a character device"…</summary>
    public string LastFileType { get; private set; } = "";

    /// <summary>
    /// Reads the file as UTF-8 text (invalid sequences become U+FFFD). With <see cref="ReadStatus.TooLarge"/> and
    /// <see cref="FileReadLimits.KeepStart"/>, <paramref name="text"/> holds the first <see cref="FileReadLimits.MaxBytes"/>
    /// bytes; with any other failure it is "".
    /// </summary>
    public ReadStatus TryRead(string path, out string text)
    {
        var status = ReadBytes(path, out var decoded);
        text = decoded ?? (status == ReadStatus.Ok || status == ReadStatus.TooLarge && Limits.KeepStart ? Encoding.UTF8.GetString(_buffer, 0, _length) : "");
        Release();
        return status;
    }

    /// <summary>Reads the file's bytes; <paramref name="bytes"/> is valid until the next call on this reader.</summary>
    public ReadStatus TryReadBytes(string path, out ReadOnlySpan<byte> bytes)
    {
        var status = ReadBytes(path, out _, asText: false);
        bytes = status == ReadStatus.Ok || status == ReadStatus.TooLarge && Limits.KeepStart ? _buffer.AsSpan(0, _length) : default;
        return status;
    }

    /// <summary>The file's text, or null for any failure (a file over the limit included).</summary>
    public string? ReadOrNull(string path) => TryRead(path, out var text) == ReadStatus.Ok ? text : null;

    /// <summary>A one-off read with these limits: the text, or null and the reason naming the file (<see cref="Describe"/>).</summary>
    public static string? ReadText(string path, FileReadLimits limits, out ReadStatus status, out string problem)
    {
        var reader = new BoundedFileReader(limits);
        status = reader.TryRead(path, out var text);
        problem = status == ReadStatus.Ok ? "" : reader.Describe(status, path);
        return status == ReadStatus.Ok ? text : null;
    }

    /// <summary>"PATH: not a regular file (a FIFO)", "PATH: larger than 64 MiB"… for the last read's status.</summary>
    public string Describe(ReadStatus status, string display) => status switch
    {
        ReadStatus.Ok => display,
        ReadStatus.Missing => $"{display}: no such file",
        ReadStatus.PermissionDenied => $"{display}: permission denied",
        ReadStatus.Directory => $"{display}: is a folder, not a file",
        ReadStatus.NotRegularFile => $"{display}: not a regular file ({LastFileType}); only regular files are read",
        ReadStatus.TooLarge => $"{display}: larger than {Limits.Describe()}, the most read for this kind of file",
        _ => $"{display}: cannot be read ({LibC.ErrnoName(LastErrno)})",
    };

    /// <param name="text">With <paramref name="asText"/>, a large regular file is decoded straight into its string
    /// (<see cref="TryDecodeInTwoPasses"/>) and comes back here, the buffer left empty.</param>
    private ReadStatus ReadBytes(string path, out string? text, bool asText = true)
    {
        text = null;
        _length = 0;
        var opened = OpenChecked(path, out int fd, out long sizeHint, out bool regular);
        if (opened != ReadStatus.Ok)
            return opened;
        try
        {
            if (asText && regular && sizeHint >= TwoPassBytes && !Limits.KeepStart)
            {
                var status = TryDecodeInTwoPasses(fd, out text);
                if (status is not null)
                    return status.Value;
            }
            // One byte past the limit tells "exactly the limit" from "more"; a regular file's size saves the doublings.
            long wanted = Math.Min(Limits.MaxBytes + 1, Array.MaxLength);
            if (sizeHint > 0 && _buffer.Length < Math.Min(sizeHint + 1, wanted))
                _buffer = new byte[Math.Min(sizeHint + 1, wanted)];
            int total = 0;
            while (true)
            {
                if (total == _buffer.Length)
                {
                    if (total >= wanted)
                        break;
                    Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, wanted));
                }
                nint n;
                fixed (byte* p = &_buffer[total])
                    n = LibC.Read(fd, p, (nuint)(_buffer.Length - total));
                if (n < 0)
                {
                    int errno = LibC.LastError;
                    if (errno == LibC.EINTR)
                        continue;
                    return Fail(errno);
                }
                if (n == 0)
                    break;
                total += (int)n;
            }
            LastErrno = 0;
            if (total > Limits.MaxBytes)
            {
                _length = (int)Limits.MaxBytes;
                return ReadStatus.TooLarge;
            }
            _length = total;
            return ReadStatus.Ok;
        }
        finally
        {
            LibC.Close(fd);
        }
    }

    /// <summary>
    /// open(2) without blocking, then the type check of <see cref="Limits"/>: on success <paramref name="fd"/> is open
    /// (the caller closes it) and <paramref name="size"/> is a regular file's reported size (0 when unknown).
    /// </summary>
    private ReadStatus OpenChecked(string path, out int fd, out long size, out bool regular)
    {
        LastFileType = "";
        size = 0;
        regular = false;
        fd = Open(path);
        if (fd < 0)
            return Fail(LibC.LastError);
        if (Limits.AnyFileType)
            return ReadStatus.Ok;
        var kind = TypeOf(fd, out size);
        regular = kind == FileType.Regular;
        ReadStatus? refused = kind switch
        {
            FileType.Directory => Fail(21, ReadStatus.Directory),
            FileType.Other => Fail(0, ReadStatus.NotRegularFile),
            // Already too long and nothing is kept: no need to read it to know (a file still growing is caught by the read).
            _ when size > Limits.MaxBytes && !Limits.KeepStart => Fail(0, ReadStatus.TooLarge),
            _ => null,
        };
        if (refused is null)
            return ReadStatus.Ok;
        LibC.Close(fd);
        fd = -1;
        return refused.Value;
    }

    /// <summary>
    /// Opens a file to be read in pieces, with the same open, type check and cap as a whole read: for parsers that
    /// read a large capture line by line instead of holding all of it.
    /// </summary>
    public ReadStatus TryOpen(string path, out BoundedFileStream? stream)
    {
        stream = null;
        var status = OpenChecked(path, out int fd, out _, out _);
        if (status == ReadStatus.Ok)
            stream = new BoundedFileStream(fd, this);
        return status;
    }

    /// <summary>read(2) until the buffer is full or the file ends; the count, or -1 with the errno.</summary>
    internal static int ReadFully(int fd, byte* buffer, int length, out int errno)
    {
        errno = 0;
        int total = 0;
        while (total < length)
        {
            nint n = LibC.Read(fd, buffer + total, (nuint)(length - total));
            if (n < 0)
            {
                errno = LibC.LastError;
                if (errno == LibC.EINTR)
                    continue;
                return -1;
            }
            if (n == 0)
                break;
            total += (int)n;
        }
        return total;
    }

    internal ReadStatus Fail(int errno, ReadStatus? status = null)
    {
        LastErrno = errno;
        return status ?? errno switch
        {
            LibC.ENOENT or LibC.ENOTDIR => ReadStatus.Missing,
            LibC.EPERM or LibC.EACCES => ReadStatus.PermissionDenied,
            21 => ReadStatus.Directory,   // EISDIR
            22 => ReadStatus.Invalid,     // EINVAL
            _ => ReadStatus.Failed,
        };
    }

    private void Release()
    {
        if (_buffer.Length > KeptBufferBytes)
            _buffer = new byte[4096];
    }

    private enum FileType { Regular, Directory, Other, Unknown }

    /// <summary>
    /// The type of the open file from statx, and its size when it is a regular file. Unknown when statx itself fails
    /// (a seccomp profile that predates it): the file is then read, still without blocking and still capped.
    /// </summary>
    private FileType TypeOf(int fd, out long size)
    {
        size = 0;
        byte* buffer = stackalloc byte[LibC.StatxSize];
        byte empty = 0;
        if (LibC.Statx(fd, &empty, LibC.AT_EMPTY_PATH, LibC.STATX_TYPE | LibC.STATX_SIZE, buffer) != 0
            || (*(uint*)(buffer + LibC.StatxMaskOffset) & LibC.STATX_TYPE) == 0)
            return FileType.Unknown;
        int mode = *(ushort*)(buffer + LibC.StatxModeOffset) & 0xF000;
        switch (mode)
        {
            case 0x8000:
                size = (long)*(ulong*)(buffer + LibC.StatxSizeOffset);
                return FileType.Regular;
            case 0x4000:
                return FileType.Directory;
        }
        LastFileType = mode switch
        {
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
        return FileType.Other;
    }

    private int Open(string path)
    {
        int max = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        if (_path.Length < max)
            _path = new byte[Math.Max(max, _path.Length * 2)];
        int len = Encoding.UTF8.GetBytes(path, _path);
        _path[len] = 0;
        fixed (byte* p = _path)
            return LibC.Open(p, LibC.O_RDONLY | LibC.O_CLOEXEC | LibC.O_NONBLOCK | LibC.O_NOCTTY);
    }
}
