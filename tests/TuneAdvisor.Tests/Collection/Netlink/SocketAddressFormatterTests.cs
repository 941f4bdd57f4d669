using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Tests.Collection.Netlink;

public sealed class SocketAddressFormatterTests
{
    private static readonly SocketAddressFormatter Formatter = new(i => i == 1 ? "lo" : null);

    private static string Full(int family, byte[] address, int port, bool v6only = false, uint ifindex = 0) =>
        Formatter.Full(Formatter.Bare(family, address, v6only), port, ifindex);

    private static byte[] V6(string text) => System.Net.IPAddress.Parse(text).GetAddressBytes();

    [Fact]
    public void Ipv4IsADottedQuadEvenForTheWildcard()
    {
        Assert.Equal("127.0.0.1:8080", Full(2, [127, 0, 0, 1], 8080));
        Assert.Equal("0.0.0.0:*", Full(2, [0, 0, 0, 0], 0));
        Assert.Equal("0.0.0.0", Formatter.Bare(2, [0, 0, 0, 0], false));
    }

    [Fact]
    public void Ipv6IsBracketedAndTheDualStackWildcardIsAStar()
    {
        Assert.Equal("[::1]:443", Full(10, V6("::1"), 443));
        Assert.Equal("[fe80::1:2]:22", Full(10, V6("fe80::1:2"), 22));
        Assert.Equal("*:22", Full(10, V6("::"), 22));
        Assert.Equal("[::]:22", Full(10, V6("::"), 22, v6only: true));
        Assert.Equal("*", Formatter.Bare(10, V6("::"), false));
    }

    [Fact]
    public void MappedIpv4IsNormalised()
    {
        Assert.Equal("10.1.2.3:5000", Full(10, V6("::ffff:10.1.2.3"), 5000));
        Assert.Equal("10.1.2.3", Formatter.Bare(10, V6("::ffff:10.1.2.3"), true));
    }

    [Fact]
    public void ABoundInterfaceIsPrintedAfterAPercentSign()
    {
        Assert.Equal("127.0.0.1%lo:83", Full(2, [127, 0, 0, 1], 83, ifindex: 1));
        Assert.Equal("[fe80::1]%7:22", Full(10, V6("fe80::1"), 22, ifindex: 7));
    }

    [Fact]
    public void BareAddressesAreShared()
    {
        Assert.Same(Formatter.Bare(2, [10, 0, 0, 9], false), Formatter.Bare(2, [10, 0, 0, 9], false));
    }

    [Fact]
    public void ARepeatedAddressAndPortIsOneStringAndEveryOtherIsStillRight()
    {
        var formatter = new SocketAddressFormatter(i => i == 1 ? "lo" : null);
        var local = formatter.Bare(2, [10, 0, 0, 1], false);
        Assert.Same(formatter.Full(local, 443, 0), formatter.Full(local, 443, 0));
        // Far more distinct endpoints than cache slots: every one is still formatted right, whatever it replaced.
        for (int i = 0; i < 20_000; i++)
        {
            var remote = formatter.Bare(2, [10, 1, (byte)(i >> 8), (byte)i], false);
            Assert.Equal($"10.1.{(byte)(i >> 8)}.{(byte)i}:{1024 + i % 3}", formatter.Full(remote, 1024 + i % 3, 0));
            Assert.Equal("10.0.0.1:443", formatter.Full(local, 443, 0));
            Assert.Equal("10.0.0.1%lo:443", formatter.Full(local, 443, 1));
        }
    }
}
