using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Tests.Knowledge;

public sealed class KernelVersionTests
{
    [Theory]
    [InlineData("6.1.0-18-amd64", 6, 1, 0)]
    [InlineData("4.19.0", 4, 19, 0)]
    [InlineData("5.14.0-362.8.1.el9_3.x86_64", 5, 14, 0)]
    [InlineData("6.18.44-fc", 6, 18, 44)]
    [InlineData("5.4", 5, 4, 0)]
    public void Parses_release_strings(string release, int major, int minor, int patch)
    {
        Assert.True(KernelVersion.TryParse(release, out var v));
        Assert.Equal(new KernelVersion(major, minor, patch), v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("extramodules")]
    [InlineData("6")]
    [InlineData("v6.1")]
    public void Rejects_what_is_not_a_version(string text) => Assert.False(KernelVersion.TryParse(text, out _));

    [Fact]
    public void Orders_release_strings_by_version_then_naturally()
    {
        var releases = new List<string> { "6.1.0-9-amd64", "5.10.0-28-amd64", "6.1.0-18-amd64", "6.10.2", "6.1.0-18-cloud-amd64" };
        releases.Sort(KernelVersion.CompareReleases);
        Assert.Equal(["5.10.0-28-amd64", "6.1.0-9-amd64", "6.1.0-18-amd64", "6.1.0-18-cloud-amd64", "6.10.2"], releases.ToArray());
        Assert.True(KernelVersion.Parse("5.4") > KernelVersion.Parse("4.19.300"));
    }
}
