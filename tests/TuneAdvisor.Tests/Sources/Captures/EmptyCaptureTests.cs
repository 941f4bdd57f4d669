using TuneAdvisor.Tests.Cli;

namespace TuneAdvisor.Tests.Sources.Captures;

/// <summary>
/// Issue #14: an invalid-UTF-8 capture whose every line was skipped exited 0, as if it had been audited. A source
/// that yields nothing exits 3 (missing, unreadable, unrecognised or empty); a capture that was read and simply lists
/// nothing (ss on a host without listeners) is not empty.
/// </summary>
public sealed class EmptyCaptureTests : IDisposable
{
    private const string SsHeader = "State    Recv-Q Send-Q Local Address:Port  Peer Address:Port Process";

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    /// <summary>An ss header over lines of bytes that are not UTF-8 (each decodes to U+FFFD and is skipped).</summary>
    private string InvalidUtf8(string relative)
    {
        var path = _tree.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(14);
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes(SsHeader + "\n"));
        for (int i = 0; i < 30; i++)
        {
            var line = new byte[60];
            for (int j = 0; j < line.Length; j++)
                line[j] = (byte)random.Next(0x80, 0x100);
            file.Write(line);
            file.WriteByte((byte)'\n');
        }
        return path;
    }

    [Fact]
    public void A_named_capture_whose_every_line_is_skipped_exits_3()
    {
        var capture = InvalidUtf8("garbage.txt");
        var r = CliRunner.Run("audit", "--input", capture);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{capture}: error TA0202: Not a known kind of input ({capture}: looks like ss output, but none of its lines could be read", r.Stderr);
    }

    [Fact]
    public void A_folder_whose_every_file_yields_nothing_exits_3_and_names_each_file()
    {
        var garbage = InvalidUtf8("captures/garbage.txt");
        _tree.File("captures/empty.txt");
        var r = CliRunner.Run("audit", "--input", _tree.PathOf("captures"));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{garbage}: warning TA0202", r.Stderr);
        Assert.Contains("nothing could be read from it (2 file(s), each empty, unrecognised or unreadable)", r.Stderr);
    }

    [Fact]
    public void An_empty_folder_exits_3()
    {
        var r = CliRunner.Run("audit", "--input", _tree.Dir("none").PathOf("none"));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("nothing could be read from it", r.Stderr);
    }

    [Fact]
    public void A_capture_that_lists_no_socket_is_read_and_is_not_empty()
    {
        var r = CliRunner.Run("audit", "--input", _tree.Write("ss.txt", SsHeader + "\n"), "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    [Fact]
    public void A_garbage_file_beside_a_good_capture_is_skipped_and_the_run_succeeds()
    {
        InvalidUtf8("captures/garbage.txt");
        File.Copy(Path.Combine(RepoPaths.Root, "tests/TuneAdvisor.Tests/TestFiles/Captures/ss_-tanpi.txt"), _tree.PathOf("captures/ss.txt"));
        var r = CliRunner.Run("audit", "--input", _tree.PathOf("captures"), "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("garbage.txt: looks like ss output, but none of its lines could be read (see the skipped lines); the file was skipped and the rest read", r.Stderr);
    }
}
