using TuneAdvisor.Collection.Netlink;

namespace TuneAdvisor.Tests.Collection.Netlink;

/// <summary>tcp_info is decoded by length: the captured 280-byte struct cut to the sizes older kernels send.</summary>
public sealed class TcpInfoParserTests
{
    private static byte[] CapturedInfo()
    {
        // The INFO attribute of the ESTAB [::ffff:127.0.0.1]:9000 server socket (bytes_sent 3000).
        var bytes = CapturedDump.Bytes("tcp6.bin");
        var reader = new NetlinkMessageReader(bytes);
        while (reader.MoveNext())
        {
            var p = reader.Current.Payload;
            if (reader.Current.Type != 20 || p[1] != 1 || (p[4] << 8 | p[5]) != 9000)
                continue;
            var attributes = new RtAttributeReader(p[72..]);
            while (attributes.MoveNext())
                if (attributes.Type == 2)
                    return attributes.Payload.ToArray();
        }
        throw new InvalidOperationException("no tcp_info in the capture");
    }

    [Fact]
    public void Kernel618SendsTheFull280Bytes()
    {
        var info = TcpInfoParser.Parse(CapturedInfo())!;
        Assert.Equal(280, info.Length);
        Assert.Equal(1, info.State);
        Assert.Equal(10, info.SndWscale);
        Assert.Equal(10, info.RcvWscale);
        Assert.Equal(204000u, info.Rto);
        Assert.Equal(50176u, info.SndMss);
        Assert.Equal(65535u, info.Pmtu);
        Assert.Equal(3000ul, info.BytesSent);
        Assert.Equal(0ul, info.BytesRetrans);
        Assert.Equal(2u, info.Delivered);
        Assert.Equal(65535u, info.Pmtu);
        Assert.NotNull(info.RcvWnd);
        Assert.Equal((ushort)0, info.TotalRto);
        Assert.Equal(0u, info.TotalRtoTimeMs);
    }

    [Theory]
    [InlineData(248)] // 6.7 .. 6.17
    [InlineData(232)] // 6.2 .. 6.6 (and 6.1 headers)
    [InlineData(192)] // 4.10 .. 4.17
    [InlineData(104)] // the 2.6 layout
    public void FieldsPastTheAttributeLengthAreNull(int length)
    {
        var full = TcpInfoParser.Parse(CapturedInfo())!;
        var info = TcpInfoParser.Parse(CapturedInfo().AsSpan(0, length))!;
        Assert.Equal(length, info.Length);
        Assert.Equal(full.Rtt, info.Rtt);
        Assert.Equal(full.TotalRetrans, info.TotalRetrans);
        Assert.Equal(length >= 112, info.PacingRate is not null);
        Assert.Equal(length >= 128 ? full.BytesAcked : null, info.BytesAcked);
        Assert.Equal(length >= 168 ? full.DeliveryRate : null, info.DeliveryRate);
        Assert.Equal(length >= 192 ? full.SndbufLimited : null, info.SndbufLimited);
        Assert.Equal(length >= 208 ? full.BytesSent : null, info.BytesSent);
        Assert.Equal(length >= 232 ? full.SndWnd : null, info.SndWnd);
        Assert.Equal(length >= 236 ? full.RcvWnd : null, info.RcvWnd);
        Assert.Equal(length >= 248 ? full.TotalRtoTimeMs : null, info.TotalRtoTimeMs);
    }

    [Fact]
    public void ShorterThanTheOldestLayoutIsNotDecoded()
    {
        Assert.Null(TcpInfoParser.Parse(CapturedInfo().AsSpan(0, 103)));
    }

    [Fact]
    public void AFieldCutInTheMiddleIsNull()
    {
        var info = TcpInfoParser.Parse(CapturedInfo().AsSpan(0, 204))!;
        Assert.NotNull(info.DeliveredCe);  // 196..199
        Assert.Null(info.BytesSent);      // 200..207, only 4 bytes present
    }
}
