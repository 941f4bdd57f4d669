using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// Writes the connection arrays with <see cref="ConnectionJsonWriter"/>, and a large one (100 000 sockets are about
/// 140 MB of JSON, a third of a whole <c>collect</c>) on every CPU: slices of <see cref="SliceSize"/> records are
/// written into their own buffers, at most one slice per CPU ahead of the output, and copied into it in order, so
/// the bytes are the same as from one thread. Small arrays and indented output are written in place. Reading is the
/// source-generated deserializer's.
/// </summary>
internal sealed class ConnectionArrayConverter : JsonConverter<ImmutableArray<ConnectionInfo>>
{
    /// <summary>Records per slice: under 1 MB of JSON, so the buffers in flight stay small; each is reused.</summary>
    internal const int SliceSize = 512;

    public override ImmutableArray<ConnectionInfo> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, SnapshotJsonContext.Default.ImmutableArrayConnectionInfo);

    public override void Write(Utf8JsonWriter writer, ImmutableArray<ConnectionInfo> value, JsonSerializerOptions options)
    {
        int slices = value.IsDefault ? 0 : (value.Length + SliceSize - 1) / SliceSize;
        int ahead = Math.Min(Environment.ProcessorCount, slices);
        if (ahead < 2 || writer.Options.Indented)
            WriteInPlace(writer, value);
        else
            WriteInSlices(writer, value, ahead);
    }

    internal static void WriteInPlace(Utf8JsonWriter writer, ImmutableArray<ConnectionInfo> value)
    {
        if (value.IsDefault)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartArray();
        foreach (var connection in value)
            ConnectionJsonWriter.Write(writer, connection);
        writer.WriteEndArray();
    }

    /// <summary>Compact output only: the records are copied in as raw values.</summary>
    internal static void WriteInSlices(Utf8JsonWriter writer, ImmutableArray<ConnectionInfo> value, int ahead)
    {
        int slices = (value.Length + SliceSize - 1) / SliceSize;
        var pending = new Queue<Task<Slice>>(ahead);
        var spare = new Stack<Slice>();
        int next = 0;
        writer.WriteStartArray();
        while (next < slices || pending.Count > 0)
        {
            while (next < slices && pending.Count < ahead)
            {
                var buffer = spare.Count > 0 ? spare.Pop() : new Slice();
                int start = next++ * SliceSize;
                pending.Enqueue(Task.Run(() => buffer.Fill(value, start, Math.Min(value.Length, start + SliceSize))));
            }
            var slice = pending.Dequeue().GetAwaiter().GetResult();
            slice.CopyTo(writer);
            spare.Push(slice);
        }
        writer.WriteEndArray();
    }

    /// <summary>One slice's JSON, written as an array, and where each record starts and ends in it.</summary>
    private sealed class Slice
    {
        private readonly ArrayBufferWriter<byte> _bytes = new(SliceSize * 1536);
        private readonly List<(int Start, int End)> _records = new(SliceSize);

        public Slice Fill(ImmutableArray<ConnectionInfo> connections, int start, int end)
        {
            _bytes.ResetWrittenCount();
            _records.Clear();
            using var writer = new Utf8JsonWriter(_bytes, new JsonWriterOptions { SkipValidation = true });
            writer.WriteStartArray();
            for (int i = start; i < end; i++)
            {
                int from = (int)(writer.BytesCommitted + writer.BytesPending);
                ConnectionJsonWriter.Write(writer, connections[i]);
                _records.Add((from, (int)(writer.BytesCommitted + writer.BytesPending)));
            }
            writer.WriteEndArray();
            writer.Flush();
            return this;
        }

        public void CopyTo(Utf8JsonWriter writer)
        {
            var bytes = _bytes.WrittenSpan;
            foreach (var (start, end) in _records)
            {
                // Every record after the first starts with the separator its writer put before it.
                int from = bytes[start] == (byte)',' ? start + 1 : start;
                writer.WriteRawValue(bytes[from..end], skipInputValidation: true);
            }
        }
    }
}
