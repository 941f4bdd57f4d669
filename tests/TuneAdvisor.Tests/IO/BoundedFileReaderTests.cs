using TuneAdvisor.IO;

namespace TuneAdvisor.Tests.IO;

/// <summary>
/// The one file reader: the cap counts bytes read (not the reported size), anything but a regular file is refused
/// before a byte is read (so neither /dev/zero nor a FIFO can fill memory or block), and every failure names the file.
/// </summary>
public sealed class BoundedFileReaderTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_fifo_is_refused_at_once_without_waiting_for_a_writer()
    {
        var fifo = Fifo.Create(_tree.PathOf("pipe"));
        var reader = new BoundedFileReader(FileReadLimits.Capture);
        var read = Task.Run(() => (reader.TryRead(fifo, out _), reader.Describe(ReadStatus.NotRegularFile, fifo)));
        Assert.True(read.Wait(TimeSpan.FromSeconds(30)), "opening a FIFO blocked");
        Assert.Equal(ReadStatus.NotRegularFile, read.Result.Item1);
        Assert.Equal($"{fifo}: not a regular file (a FIFO); only regular files are read", read.Result.Item2);
    }

    [Fact]
    public void A_device_is_refused_before_a_byte_is_read()
    {
        var reader = new BoundedFileReader(FileReadLimits.Snapshot);
        Assert.Equal(ReadStatus.NotRegularFile, reader.TryRead("/dev/zero", out var text));
        Assert.Equal("", text);
        Assert.Equal("/dev/zero: not a regular file (a character device); only regular files are read", reader.Describe(ReadStatus.NotRegularFile, "/dev/zero"));
    }

    [Fact]
    public void With_any_file_type_allowed_a_device_is_still_capped_by_the_bytes_read()
    {
        // /proc files report size 0; the cap must not trust it. /dev/zero never ends: only the cap stops it.
        var reader = new BoundedFileReader(new FileReadLimits(100_000, AnyFileType: true, KeepStart: true));
        Assert.Equal(ReadStatus.TooLarge, reader.TryRead("/dev/zero", out var text));
        Assert.Equal(100_000, text.Length);
    }

    [Fact]
    public void A_proc_file_whose_reported_size_is_zero_is_read_whole()
    {
        Assert.Equal(0, new FileInfo("/proc/self/status").Length);
        var reader = new BoundedFileReader();
        Assert.Equal(ReadStatus.Ok, reader.TryRead("/proc/self/status", out var text));
        Assert.Contains("Name:", text);
    }

    [Fact]
    public void A_file_over_the_cap_is_too_large_and_keeps_its_start_only_when_asked()
    {
        var path = _tree.Write("big.txt", new string('x', 5000));
        var refused = new BoundedFileReader(new FileReadLimits(4096));
        Assert.Equal(ReadStatus.TooLarge, refused.TryRead(path, out var none));
        Assert.Equal("", none);
        Assert.Equal($"{path}: larger than 4096 bytes, the most read for this kind of file", refused.Describe(ReadStatus.TooLarge, path));

        var kept = new BoundedFileReader(new FileReadLimits(4096, KeepStart: true));
        Assert.Equal(ReadStatus.TooLarge, kept.TryRead(path, out var start));
        Assert.Equal(4096, start.Length);

        var exact = new BoundedFileReader(new FileReadLimits(5000));
        Assert.Equal(ReadStatus.Ok, exact.TryRead(path, out var whole));
        Assert.Equal(5000, whole.Length);
    }

    [Fact]
    public void Missing_files_and_folders_are_told_apart_and_named()
    {
        var reader = new BoundedFileReader(FileReadLimits.Config);
        Assert.Equal(ReadStatus.Missing, reader.TryRead(_tree.PathOf("nothing.yaml"), out _));
        Assert.Equal(ReadStatus.Directory, reader.TryRead(_tree.Root, out _));
        Assert.Equal($"{_tree.Root}: is a folder, not a file", reader.Describe(ReadStatus.Directory, _tree.Root));
        Assert.Null(BoundedFileReader.ReadText(_tree.PathOf("nothing.yaml"), FileReadLimits.Config, out var status, out var problem));
        Assert.Equal(ReadStatus.Missing, status);
        Assert.Equal($"{_tree.PathOf("nothing.yaml")}: no such file", problem);
    }

    [Fact]
    public void Standard_input_is_capped_and_refused_at_the_first_nul()
    {
        var limits = new FileReadLimits(10);
        Assert.Equal("0123456789", BoundedTextReader.ReadToEnd(new StringReader("0123456789"), "standard input", limits, default, out _));
        Assert.Null(BoundedTextReader.ReadToEnd(new StringReader("0123456789A"), "standard input", limits, default, out var tooMuch));
        Assert.Equal("standard input: more than 10 bytes of text, the most read for this kind of input", tooMuch);
        Assert.Null(BoundedTextReader.ReadToEnd(new StringReader("{\0"), "standard input", limits, default, out var binary));
        Assert.Equal("standard input: binary content (NUL bytes), not text", binary);
    }
}
