using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Tests.Knowledge;

/// <summary>
/// net.ipv4.ip_local_port_range and ip_local_reserved_ports as the kernel prints them; a missing or malformed value is
/// unknown (with the reason), never the default range or "nothing reserved".
/// </summary>
public sealed class EphemeralPortsTests
{
    [Theory]
    [InlineData("32768 60999", 32768, 60999)]
    [InlineData("32768\t60999", 32768, 60999)]
    [InlineData(" 1024  65535 ", 1024, 65535)]
    [InlineData("40000 40000", 40000, 40000)]
    public void A_range_is_two_ports_low_high(string text, int low, int high)
    {
        var ports = EphemeralPorts.TryParse(text, "", out var why);
        Assert.NotNull(ports);
        Assert.Equal("", why);
        Assert.Equal((low, high, high - low + 1), (ports.Low, ports.High, ports.RangeSize));
    }

    [Theory]
    [InlineData("40199 40000")]
    [InlineData("40000")]
    [InlineData("40000 40199 1")]
    [InlineData("40000 70000")]
    [InlineData("-1 40000")]
    [InlineData("a b")]
    public void A_malformed_range_is_unknown(string text)
    {
        Assert.Null(EphemeralPorts.TryParse(text, "", out var why));
        Assert.Contains($"'{text}' is not two ports", why);
    }

    [Fact]
    public void A_missing_key_is_unknown_and_never_the_default()
    {
        Assert.Null(EphemeralPorts.TryParse(null, "", out var why));
        Assert.Equal("net.ipv4.ip_local_port_range is not in this snapshot", why);
        Assert.Null(EphemeralPorts.TryParse("32768 60999", null, out why));
        Assert.StartsWith("net.ipv4.ip_local_reserved_ports is not in this snapshot", why);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("40010", 1)]
    [InlineData("8080,9000-9100", 0)]               // both outside the range
    [InlineData("40000-40009,40100", 11)]
    [InlineData("40000-40019,40010-40039", 40)]     // overlapping ranges are one bitmap
    [InlineData("39990-40004, 40199-41000", 6)]     // clipped to the range; spaces after commas
    public void Reserved_ports_inside_the_range_are_counted_once(string reserved, int inRange)
    {
        var ports = EphemeralPorts.TryParse("40000 40199", reserved, out var why);
        Assert.True(ports is not null, why);
        Assert.Equal(inRange, ports.ReservedInRange);
    }

    [Fact]
    public void Contains_is_inside_the_range_and_not_reserved()
    {
        var ports = EphemeralPorts.TryParse("40000 40199", "40010,40100-40109", out _)!;
        Assert.True(ports.Contains(40000));
        Assert.True(ports.Contains(40199));
        Assert.False(ports.Contains(39999));
        Assert.False(ports.Contains(40200));
        Assert.False(ports.Contains(40010));
        Assert.False(ports.Contains(40105));
        Assert.True(ports.Contains(40110));
    }

    [Theory]
    [InlineData("80-")]
    [InlineData("-80")]
    [InlineData("90-80")]
    [InlineData("8080,,9000")]
    [InlineData("70000")]
    [InlineData("http")]
    public void A_malformed_reserved_list_is_unknown(string reserved)
    {
        Assert.Null(EphemeralPorts.TryParse("40000 40199", reserved, out var why));
        Assert.Contains("is not a list of ports and ranges", why);
    }
}
