namespace TuneAdvisor.Tests.Cli;

/// <summary>
/// Issue #14: devices and FIFOs wherever a file is read. Each case runs the built CLI as a child process with a
/// timeout, so a regression that blocks on a FIFO or reads /dev/zero without end fails instead of hanging the suite.
/// Data sources exit 3, what the user wrote (policies, rules) exits 2, and the message names the file.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static ProcessRunner.Result Cli(params string[] args) => ProcessRunner.Run(RepoPaths.Cli, args, Timeout);

    private static string Capture => Path.Combine(RepoPaths.Root, "tests/TuneAdvisor.Tests/TestFiles/Captures/ss_-tanpi.txt");

    [Theory]
    [InlineData("--input")]
    [InlineData("--snapshot")]
    public void A_device_as_the_data_source_exits_3_naming_it(string option)
    {
        var r = Cli("audit", option, "/dev/zero");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("/dev/zero: not a regular file (a character device)", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void A_device_as_the_policy_exits_2_naming_it()
    {
        var r = Cli("audit", "--input", Capture, "--policy", "/dev/zero");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/dev/zero: error TA0301: Invalid configuration: /dev/zero: not a regular file (a character device)", r.Stderr);
    }

    [Fact]
    public void Standard_input_from_dev_zero_stops_at_the_first_block_and_exits_3()
    {
        var r = ProcessRunner.Run("/bin/sh", ["-c", $"exec '{RepoPaths.Cli}' audit --snapshot - < /dev/zero"], Timeout);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("standard input: binary content (NUL bytes), not text", r.Stderr);
    }

    [Theory]
    [InlineData("--input")]
    [InlineData("--snapshot")]
    public void A_fifo_as_the_data_source_exits_3_at_once(string option)
    {
        var fifo = Fifo.Create(_tree.PathOf("capture.fifo"));
        var r = Cli("audit", option, fifo);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{fifo}: not a regular file (a FIFO)", r.Stderr);
    }

    [Fact]
    public void A_fifo_inside_an_input_folder_is_skipped_with_a_warning_and_the_rest_is_audited()
    {
        Directory.CreateDirectory(_tree.PathOf("captures"));
        File.Copy(Capture, _tree.PathOf("captures/ss_-tanpi.txt"));
        Fifo.Create(_tree.PathOf("captures/zz.fifo"));
        var r = Cli("audit", "--input", _tree.PathOf("captures"), "--fail-on", "none", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning TA0201: Cannot read input: " + Path.Combine(_tree.PathOf("captures"), "zz.fifo") + ": not a regular file (a FIFO)", r.Stderr);
        Assert.Contains("ss_-tanpi.txt\"", r.Stdout);   // the capture beside the FIFO was read (source.inputs)
    }

    [Fact]
    public void A_fifo_in_an_image_sysctl_d_is_skipped_with_a_warning_and_the_image_is_audited()
    {
        _tree.File("img/etc/sysctl.d/60-web.conf", "net.core.somaxconn = 128").Dir("img/usr/lib/modules/6.1.0-18-amd64/kernel");
        Fifo.Create(_tree.PathOf("img/etc/sysctl.d/70-pipe.conf"));
        var r = Cli("audit", "--root", _tree.PathOf("img"), "--fail-on", "none");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("etc/sysctl.d/70-pipe.conf: warning TA0201: Cannot read input: etc/sysctl.d/70-pipe.conf: not a regular file (a FIFO); only regular files are read; skipped", r.Stderr);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("test")]
    public void A_fifo_named_like_a_rule_file_exits_2_naming_it(string verb)
    {
        var fifo = Fifo.Create(_tree.PathOf("rules/TA9001-pipe.yaml"));
        var r = Cli("rules", verb, _tree.PathOf("rules"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{fifo}: error TA0001: Cannot read rule file: {fifo}: not a regular file (a FIFO)", r.Stdout + r.Stderr);
    }

    [Fact]
    public void A_fifo_given_to_rules_exits_2_before_any_collection()
    {
        var fifo = Fifo.Create(_tree.PathOf("more-rules.yaml"));
        var r = Cli("audit", "--input", Capture, "--rules", fifo);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{fifo}: not a regular file (a FIFO)", r.Stderr);
    }
}
