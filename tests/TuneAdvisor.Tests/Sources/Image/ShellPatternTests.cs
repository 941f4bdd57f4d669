using TuneAdvisor.Configuration;

namespace TuneAdvisor.Tests.Sources.Image;

public sealed class ShellPatternTests
{
    [Theory]
    [InlineData("*.conf", "50-x.conf", true)]
    [InlineData("*.conf", "50-x.conf.bak", false)]
    [InlineData("eth?", "eth0", true)]
    [InlineData("eth?", "eth10", false)]
    [InlineData("eth[0-3]", "eth2", true)]
    [InlineData("eth[0-3]", "eth4", false)]
    [InlineData("eth[!0-3]", "eth4", true)]
    [InlineData("eth[^0-3]", "eth1", false)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("[abc", "[abc", true)]
    [InlineData("**x", "yyx", true)]
    public void Matches_like_fnmatch(string pattern, string text, bool expected) =>
        Assert.Equal(expected, ShellPattern.IsMatch(pattern, text));

    [Theory]
    [InlineData("net/ipv4/conf/*/rp_filter", "net/ipv4/conf/eth0.100/rp_filter", true)]
    [InlineData("net/ipv4/*/rp_filter", "net/ipv4/conf/eth0/rp_filter", false)]
    [InlineData("net/ipv4/conf/*", "net/ipv4/conf/eth0/rp_filter", false)]
    [InlineData("net/ipv4/conf/?/x", "net/ipv4/conf///x", false)]
    public void With_a_separator_wildcards_stay_inside_one_component(string pattern, string text, bool expected) =>
        Assert.Equal(expected, ShellPattern.IsMatch(pattern, text, '/'));
}
