using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Sampling;

/// <summary>
/// Issue #14: a 60 MB capture of garbage gave a note per line, a million of them (2.5 GB peak, as many lines on
/// standard error and in every report). Line notes of one id and file stop at <see cref="LineDiagnosticLimit.PerFile"/>;
/// one summary counts the rest.
/// </summary>
public sealed class LineNoteLimitTests
{
    [Fact]
    public void Past_the_limit_line_notes_are_counted_in_one_summary()
    {
        var text = "State    Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n"
            + string.Concat(Enumerable.Range(0, 1000).Select(i => $"ESTAB x{i} 0 10.0.0.1:80 10.0.0.2:1\n"));
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        InputParserRegistry.Default.Parse(text, "junk.txt", sample);
        var skipped = sample.Notes.Where(n => n.Id == KnownDiagnostics.InputLineSkipped.Id).ToList();
        Assert.Equal(LineDiagnosticLimit.PerFile + 1, skipped.Count);
        Assert.Contains(skipped, n => n.Location == "junk.txt"
            && n.Message == "Line skipped: 980 more line(s) of junk.txt like the 20 listed (1000 in all); they are not listed");
    }

    [Fact]
    public void The_summary_follows_notes_added_after_it_was_read()
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        void Skip(int line) => sample.Note(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At("f", line), "x"));
        for (int i = 1; i <= 25; i++)
            Skip(i);
        Assert.Contains(sample.Notes, n => n.Message.StartsWith("Line skipped: 5 more", StringComparison.Ordinal));
        Skip(26);
        Assert.Single(sample.Notes, n => n.Location == "f");
        Assert.Contains(sample.Notes, n => n.Message.StartsWith("Line skipped: 6 more", StringComparison.Ordinal));
        // Another file, and another id in the same file, each have their own count.
        sample.Note(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At("g", 1), "x"));
        sample.Note(Diagnostic.Create(KnownDiagnostics.TruncatedInput, SourceSpan.At("f", 30), "x"));
        Assert.Equal(LineDiagnosticLimit.PerFile + 1 + 1 + 1, sample.Notes.Count);
    }

    [Fact]
    public void The_same_limit_applies_to_a_list_of_diagnostics()
    {
        var many = Enumerable.Range(1, 30).Select(i => Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At("etc/sysctl.conf", i), "no '='")).ToList();
        var limited = LineDiagnosticLimit.Apply(many);
        Assert.Equal(LineDiagnosticLimit.PerFile + 1, limited.Length);
        Assert.Equal("etc/sysctl.conf: warning TA0203: Line skipped: 10 more line(s) of etc/sysctl.conf like the 20 listed (30 in all); they are not listed", limited[^1].ToString());
    }
}
