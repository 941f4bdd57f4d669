using System.Text;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.IO;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Captures;

namespace TuneAdvisor.Tests.Formats;

/// <summary>
/// Large captures are streamed line by line (issue #14: a 60 MB capture held its text, a list of every line and
/// the records at once). The stream must split exactly as <see cref="InputLine.Split"/> does, across its 64 KiB
/// pieces, and a streamed capture must give the snapshot and notes the whole text gives.
/// </summary>
public sealed class InputLineStreamTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private List<InputLine> Stream(string text, FileReadLimits? limits = null) => Stream(_tree.Write("t.txt", text), limits, out _);

    private static List<InputLine> Stream(string path, FileReadLimits? limits, out InputLineStream lines)
    {
        var reader = new BoundedFileReader(limits ?? FileReadLimits.Capture);
        Assert.Equal(ReadStatus.Ok, reader.TryOpen(path, out var stream));
        using (stream)
        {
            lines = new InputLineStream(stream!);
            return [.. lines];
        }
    }

    public static TheoryData<string> Texts()
    {
        var wide = new string('é', 40_000) + "\r\n" + new string('x', 70_000) + "€\n";   // multibyte characters across piece boundaries
        return ["", "a", "a\n", "a\r\n\r\nb", "a\r\r\n", "\n\n", "last without break\n cut", wide, wide + "tail", string.Concat(Enumerable.Repeat("row 1 2 3\r\n", 20_000))];
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Lines_are_split_as_the_whole_text_splits_them(string text) =>
        Assert.Equal(InputLine.Split(text).ToList(), Stream(text));

    [Fact]
    public void A_nul_byte_after_the_first_piece_stops_the_stream_as_binary()
    {
        var path = _tree.Write("bin.txt", new string('a', 100_000) + "\n\0tail\n");
        Stream(path, null, out var lines);
        Assert.True(lines.Binary);
    }

    [Fact]
    public void The_cap_counts_the_bytes_streamed()
    {
        var path = _tree.Write("big.txt", string.Concat(Enumerable.Repeat("0123456789\n", 20_000)));
        // KeepStart skips the refusal by reported size at open, as for a file that grows while it is read.
        var read = Stream(path, new FileReadLimits(100_000, KeepStart: true), out var lines);
        Assert.Equal(ReadStatus.TooLarge, lines.Status);
        Assert.True(read.Count < 20_000);
    }

    [Fact]
    public void A_streamed_capture_gives_the_snapshot_and_notes_of_the_whole_text()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestFiles", "Captures", "ss_-tanpi.txt"));
        var text = new StringBuilder(rows[0]).Append('\n');
        for (int i = 0; text.Length < OfflineFile.StreamBytes + 1_000_000; i++)
            text.Append(string.Join('\n', rows.Skip(1)).Replace("127.0.0.1:", $"10.{i / 250 % 250}.{i % 250}.1:")).Append('\n');
        text.Append("garbage line\nESTAB 0 0 10.9.9.9:1 10.9.9.8:2 users:((\"cut");   // a skipped line and a cut last row
        var path = _tree.Write("ss_-tanpi.txt", text.ToString());

        Assert.IsType<SsSocketParser>(OfflineFile.StreamingParser(path, InputParserRegistry.Default));
        var streamed = new SampleBuilder(DateTimeOffset.UnixEpoch);
        Assert.Null(OfflineFile.TryStream(new SsSocketParser(), path, "cap.txt", streamed));
        var whole = new SampleBuilder(DateTimeOffset.UnixEpoch);
        InputParserRegistry.ParseWith(new SsSocketParser(), text.ToString(), "cap.txt", whole);
        whole.Inputs.Add("cap.txt");

        string Json(SampleBuilder s) => SnapshotJson.Serialize(SnapshotAssembler.Assemble(SnapshotSource.Raw, "cap.txt", null, s));
        Assert.True(streamed.Connections.Count > 10_000);
        Assert.Equal(Json(whole), Json(streamed));
    }
}
