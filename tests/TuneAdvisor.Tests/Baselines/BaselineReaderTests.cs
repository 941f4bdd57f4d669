using System.Text;
using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Tests.Baselines;

/// <summary>
/// A baseline file the user named: every mistake in it is a TA0352 error at the spot (marked <c>[|…|]</c> in the
/// text), a file that cannot be read is TA0351, and what the writer writes the reader reads back.
/// </summary>
public sealed class BaselineReaderTests
{
    private static Diagnostic SingleError(string marked)
    {
        var (text, line, column) = SpanMarkup.Parse(marked);
        var bag = new DiagnosticBag();
        Assert.Null(BaselineReader.Parse(Encoding.UTF8.GetBytes(text), "base.json", bag));
        var error = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal(("TA0352", Severity.Error), (error.Id, error.Severity));
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
        Assert.StartsWith($"base.json({line},{column}): error TA0352: Invalid baseline file: ", error.ToString(), StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void Json_that_is_not_well_formed_is_reported_where_it_breaks()
    {
        var error = SingleError("""
            {
              "formatVersion": 1,
              "findings": [
                { "ruleId": "TA1001" [|"|]subject": "host" }
              ]
            }
            """);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void An_entry_without_a_subject_names_the_entry()
    {
        var error = SingleError("""
            {
              "formatVersion": 1,
              "findings": [
                { "ruleId": "TA1001", "subject": "host" },
                [|{|] "ruleId": "TA1002" }
              ]
            }
            """);
        Assert.Contains("findings[1]", error.Message);
        Assert.Contains("'subject'", error.Message);
        Assert.DoesNotContain("TuneAdvisor.Baselines", error.Message);
    }

    [Fact]
    public void A_null_subject_is_an_error_not_an_empty_one()
    {
        var error = SingleError("""
            { "formatVersion": 1, "findings": [ { "ruleId": "TA1001", "subject": [|n|]ull } ] }
            """);
        Assert.Contains("findings[0].subject: must not be null", error.Message);
    }

    [Fact]
    public void A_newer_format_version_points_at_the_version_and_says_what_to_do()
    {
        var error = SingleError("""
            {
              "formatVersion": [|2|],
              "findings": []
            }
            """);
        Assert.Contains("formatVersion 2 is newer than this TuneAdvisor reads (1)", error.Message);
    }

    [Fact]
    public void A_severity_that_is_not_one_points_at_it()
    {
        var error = SingleError("""
            {"formatVersion":1,"findings":[{"ruleId":"TA1001","subject":"host","severity":"warning"},
            {"ruleId":"TA1002","subject":"listener tcp 0.0.0.0:80","severity":[|"|]fatal"}]}
            """);
        Assert.Contains("findings[1]: 'fatal' is not a severity", error.Message);
    }

    [Fact]
    public void A_wrong_type_says_what_was_expected_in_the_files_terms()
    {
        var error = SingleError("""
            { "formatVersion": [|"|]one", "findings": [] }
            """);
        Assert.Equal("Invalid baseline file: formatVersion: expected a whole number", error.Message);
    }

    [Fact]
    public void A_missing_file_is_TA0351_naming_it()
    {
        var bag = new DiagnosticBag();
        Assert.Null(BaselineReader.Load("/nonexistent/base.json", bag));
        Assert.Equal("/nonexistent/base.json: error TA0351: Cannot read the baseline file: no such file", Assert.Single(bag.ToImmutableSorted()).ToString());
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_the_same()
    {
        using var tree = new TempTree();
        var file = new BaselineFile
        {
            ToolVersion = "0.1.0",
            CreatedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
            Findings =
            [
                new BaselineEntry { RuleId = "TA1001", Subject = "host", Severity = "warning", Category = "listen", Title = "somaxconn" },
                new BaselineEntry { RuleId = "TA1002", Subject = "listener tcp 0.0.0.0:443 #2", Severity = "error", Category = "listen", Title = "full" },
            ],
        };
        var path = tree.PathOf("ci/base.json");
        var bag = new DiagnosticBag();
        Assert.True(BaselineWriter.TryWrite(file, path, bag));
        Assert.Empty(bag.ToImmutableSorted());
        Assert.Equal(["base.json"], Directory.GetFiles(tree.PathOf("ci")).Select(Path.GetFileName));   // no temporary file left
        var read = BaselineReader.Load(path, bag);
        Assert.Empty(bag.ToImmutableSorted());
        Assert.Equal(BaselineWriter.Serialize(file), BaselineWriter.Serialize(read!));
        Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"tool\": \"TuneAdvisor\",\n  \"toolVersion\": \"0.1.0\",\n  \"createdAt\": \"2026-03-01T12:00:00+00:00\",", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_into_a_folder_that_cannot_be_made_is_TA0353()
    {
        using var tree = new TempTree();
        tree.File("blocker", "a file, not a folder");
        var bag = new DiagnosticBag();
        Assert.False(BaselineWriter.TryWrite(new BaselineFile(), tree.PathOf("blocker/base.json"), bag));
        Assert.Equal("TA0353", Assert.Single(bag.ToImmutableSorted()).Id);
    }
}
