using System.Text.Json;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Formats;

/// <summary>Every `value` check of ../shared/corpus/expected.json for the input kinds the offline parsers read.</summary>
public sealed class CorpusValueTests
{
    public static TheoryData<string, string, string> ValueChecks()
    {
        var data = new TheoryData<string, string, string>();
        if (RepoPaths.Corpus is not { } corpus)
        {
            data.Add("", "", "");   // the theory is skipped by [CorpusTheory]; xunit needs one row
            return data;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "expected.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            foreach (var check in c.GetProperty("checks").EnumerateArray())
            {
                if (check.GetProperty("kind").GetString() != "value")
                    continue;
                var path = check.GetProperty("path").GetString()!;
                var file = path[..path.IndexOf("::", StringComparison.Ordinal)];
                if (!CorpusSelector.IsPending(file))
                    data.Add(c.GetProperty("case").GetString()!, path, CorpusSelector.Json(check.GetProperty("expected")));
            }
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(ValueChecks))]
    public void Value_check_holds(string caseName, string path, string expected)
    {
        var split = path.IndexOf("::", StringComparison.Ordinal);
        var actual = CorpusSelector.Resolve(Path.Combine(RepoPaths.Corpus!, caseName), path[..split], path[(split + 2)..]);
        Assert.Equal(expected, actual);
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        if (RepoPaths.Corpus is not { } corpus)
        {
            data.Add("");
            return data;
        }
        foreach (var file in Directory.GetFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(corpus, file);
            if (relative.Contains('/') && !CorpusSelector.IsPending(relative))
                data.Add(relative);
        }
        return data;
    }

    /// <summary>Real output must be read whole: every corpus file is detected as its kind and no line is skipped.</summary>
    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_is_detected_and_parses_without_skipped_lines(string relative)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus!, relative));
        var parser = InputParserRegistry.Default.Detect(text);
        Assert.NotNull(parser);
        Assert.Equal(CorpusSelector.ExpectedKind(relative), parser.Kind);
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        parser.Parse(text, relative, sample);
        var warnings = NoteDiagnostics.FromNotes(sample.Notes).Where(d => d.Severity >= Severity.Warning);
        // A file the README calls cut or damaged may say so once; nothing else may be skipped.
        Assert.Empty(CorpusDamage.Unexplained(RepoPaths.Corpus!, relative, warnings).Select(d => d.ToString()));
    }
}
