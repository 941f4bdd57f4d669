using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Snapshots;

public class StreamBufferWriterTests
{
    [Fact]
    public void Bytes_reach_the_stream_in_order_when_the_buffer_fills_and_on_flush()
    {
        using var stream = new MemoryStream();
        using var writer = new StreamBufferWriter(stream, 16);
        int capacity = writer.GetSpan().Length;
        var expected = new List<byte>();
        for (int i = 0; i < 1000; i++)
        {
            var span = writer.GetSpan(7);
            Assert.True(span.Length >= 7);
            for (int j = 0; j < 7; j++)
                expected.Add(span[j] = (byte)(i + j));
            writer.Advance(7);
        }
        Assert.True(stream.Length > 0 && stream.Length <= 7000 - 7000 % capacity);
        writer.Flush();
        Assert.Equal(expected, stream.ToArray());
        Assert.Equal(7000, writer.Written);
    }

    [Fact]
    public void A_request_larger_than_the_buffer_gets_a_larger_buffer()
    {
        using var stream = new MemoryStream();
        using var writer = new StreamBufferWriter(stream, 16);
        writer.GetSpan(3)[..3].Fill(1);
        writer.Advance(3);
        var big = writer.GetMemory(100_000);
        Assert.True(big.Length >= 100_000);
        Assert.Equal(3, stream.Length);
        big.Span[..100_000].Fill(2);
        writer.Advance(100_000);
        writer.Flush();
        Assert.Equal(100_003, stream.Length);
        Assert.Equal(2, stream.ToArray()[^1]);
    }

    [Fact]
    public void Advancing_past_the_span_given_is_refused()
    {
        using var stream = new MemoryStream();
        using var writer = new StreamBufferWriter(stream, 16);
        int length = writer.GetSpan().Length;
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(-1));
    }

    [Fact]
    public void Write_appends_small_pieces_to_the_buffer_and_large_ones_straight_through()
    {
        using var stream = new MemoryStream();
        using var writer = new StreamBufferWriter(stream, 16);
        int capacity = writer.GetSpan().Length;
        writer.Write("ab"u8);
        Assert.Equal(0, stream.Length);
        var big = Enumerable.Range(0, capacity * 3).Select(i => (byte)i).ToArray();
        writer.Write(big);
        Assert.Equal(2 + big.Length, stream.Length);
        writer.Write("z"u8);
        writer.Flush();
        Assert.Equal([(byte)'a', (byte)'b', .. big, (byte)'z'], stream.ToArray());
        Assert.Equal(3 + big.Length, writer.Written);
    }
}
