using TuneAdvisor.IO.Native;

namespace TuneAdvisor.IO;

/// <summary>
/// A file opened by <see cref="BoundedFileReader.TryOpen"/>, read in pieces: the reader's cap still counts every byte
/// read, and the first failure (an error, or the cap crossed) ends the stream with its status, which
/// <see cref="BoundedFileReader.Describe"/> words.
/// </summary>
public sealed unsafe class BoundedFileStream : IDisposable
{
    private readonly BoundedFileReader _reader;
    private int _fd;
    private long _read;

    internal BoundedFileStream(int fd, BoundedFileReader reader) => (_fd, _reader) = (fd, reader);

    /// <summary>Ok while reading and at the end; else why the stream stopped early.</summary>
    public ReadStatus Status { get; private set; } = ReadStatus.Ok;

    /// <summary>Fills <paramref name="buffer"/> as far as it can; 0 at the end of the file or after a failure (see <see cref="Status"/>).</summary>
    public int Read(Span<byte> buffer)
    {
        if (_fd < 0 || Status != ReadStatus.Ok)
            return 0;
        int n;
        int errno;
        fixed (byte* p = buffer)
            n = BoundedFileReader.ReadFully(_fd, p, buffer.Length, out errno);
        if (n < 0)
        {
            Status = _reader.Fail(errno);
            return 0;
        }
        _read += n;
        if (_read > _reader.Limits.MaxBytes)
        {
            Status = _reader.Fail(0, ReadStatus.TooLarge);
            return 0;
        }
        return n;
    }

    public void Dispose()
    {
        if (_fd >= 0)
            LibC.Close(_fd);
        _fd = -1;
    }
}
