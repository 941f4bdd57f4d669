using System.Buffers;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hands out one pooled buffer and writes it to a stream whenever it fills, so
/// a <see cref="System.Text.Json.Utf8JsonWriter"/> can run System.Text.Json's source-generated fast path over a whole
/// snapshot (hundreds of MB for 100 000 sockets) in constant memory. The generated code never flushes mid-object; the
/// writer itself commits (<see cref="Advance"/>) each time its current buffer is full, which is when this writes it out.
/// </summary>
internal sealed class StreamBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int DefaultSize = 1 << 16;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _used;

    public StreamBufferWriter(Stream stream, int size = DefaultSize)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(size);
    }

    /// <summary>Bytes written to the stream so far.</summary>
    public long Written { get; private set; }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _used);
        _used += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_used);
    }

    /// <summary>Appends bytes: copied into the buffer when they fit, else written straight after what is buffered.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_buffer.Length - _used < bytes.Length)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                _stream.Write(bytes);
                Written += bytes.Length;
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Writes what is buffered to the stream (not flushing the stream itself).</summary>
    public void Flush()
    {
        if (_used == 0)
            return;
        _stream.Write(_buffer, 0, _used);
        Written += _used;
        _used = 0;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _used = 0;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>Makes room for <paramref name="sizeHint"/> bytes (at least 1): writes the buffer out, and grows it only for a larger single request.</summary>
    private void Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _used >= sizeHint)
            return;
        Flush();
        if (_buffer.Length >= sizeHint)
            return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
    }
}
