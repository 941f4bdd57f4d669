using TuneAdvisor.Reporting;

namespace TuneAdvisor.Tests.Reporting;

public sealed class ReportWriterRegistryTests
{
    public static TheoryData<string> Formats() => [.. ReportWriterRegistry.Formats];

    [Fact]
    public void Every_format_is_registered_once_with_a_dotted_extension()
    {
        Assert.Equal(["md", "html", "json", "sarif", "junit"], ReportWriterRegistry.Formats);
        Assert.All(ReportWriterRegistry.All, w => Assert.StartsWith(".", w.Extension));
        Assert.Same(ReportWriterRegistry.All[3], ReportWriterRegistry.Find("SARIF"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_writer_renders_an_empty_result(string format)
    {
        var writer = ReportWriterRegistry.Find(format)!;
        var text = writer.Write(ReportFixtures.Empty());
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.EndsWith("\n", text);
        Assert.Contains("web-01", text.Replace("\\u002D", "-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_writer_is_deterministic(string format)
    {
        var writer = ReportWriterRegistry.Find(format)!;
        Assert.Equal(writer.Write(ReportFixtures.Rich()), writer.Write(ReportFixtures.Rich()));
    }
}
