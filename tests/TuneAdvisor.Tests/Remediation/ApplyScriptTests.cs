using TuneAdvisor.Remediation;
using TuneAdvisor.Tests.Reporting;
using static TuneAdvisor.Tests.Remediation.RemediationFindings;

namespace TuneAdvisor.Tests.Remediation;

/// <summary>
/// Runs the generated script for real, against a fake <c>sysctl</c> and <c>id</c> first on PATH, so nothing on the
/// machine changes: the fake reads current values from files and records every <c>-w</c>.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ApplyScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tuneadvisor-apply-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Script_is_valid_posix_sh() =>
        ProcessRunner.Run("sh", ["-n", WriteBundle(RemediationBundle.Build(ReportFixture.Result()))]).EnsureSuccess("sh -n");

    [Fact]
    public void Script_without_settings_is_valid_posix_sh_and_does_nothing()
    {
        var script = WriteBundle(RemediationBundle.Build(With()));
        ProcessRunner.Run("sh", ["-n", script]).EnsureSuccess("sh -n");
        var run = RunScript(script, "--apply");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("nothing to do", run.Stdout);
        Assert.False(File.Exists(Path.Combine(_dir, "written")));
    }

    [ToolFact("shellcheck")]
    public void Script_passes_shellcheck()
    {
        var bundle = RemediationBundle.Build(With(
            Make("TA9001", "host", ("net.core.somaxconn", "4096"), ("net.ipv4.tcp_rmem", "4096 131072 6291456")),
            Make("TA9002", "host", ("net.ipv4.tcp_congestion_control", "bbr"))));
        var run = ProcessRunner.Run("shellcheck", ["--shell=sh", "--severity=style", WriteBundle(bundle)]);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [Fact]
    public void Dry_run_is_the_default_and_changes_nothing()
    {
        var script = WriteBundle(RemediationBundle.Build(ReportFixture.Result()));
        var run = RunScript(script);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Dry run: nothing is changed.", run.Stdout);
        Assert.Contains("  net.core.somaxconn: 128 -> 4096\n", run.Stdout);
        Assert.False(File.Exists(Path.Combine(_dir, "written")));
        Assert.Empty(Directory.GetFiles(SysctlDir));
        Assert.Empty(Directory.GetFiles(BundleDir, "tuneadvisor-backup-*"));
    }

    [Fact]
    public void Apply_backs_up_then_writes_every_value_then_installs_the_drop_in()
    {
        var bundle = RemediationBundle.Build(With(
            Make("TA9001", "host", ("net.core.somaxconn", "4096"), ("net.ipv4.tcp_rmem", "4096 131072 6291456"))));
        var script = WriteBundle(bundle);
        var backup = Path.Combine(_dir, "backup.conf");
        var run = RunScript(script, "--apply", "--backup", backup, "--sysctl-dir", SysctlDir);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal("net.core.somaxconn=4096\nnet.ipv4.tcp_rmem=4096 131072 6291456\n", File.ReadAllText(Path.Combine(_dir, "written")));
        Assert.Equal(
            $"# Values before tuneadvisor-apply.sh ran; restore with: sysctl -p {backup}\nnet.core.somaxconn = 128\nnet.ipv4.tcp_rmem = 4096\t87380\t6291456\n",
            File.ReadAllText(backup));
        Assert.Equal(bundle.DropIn, File.ReadAllText(Path.Combine(SysctlDir, "90-tuneadvisor.conf")));
    }

    [Fact]
    public void Apply_refuses_without_root()
    {
        var script = WriteBundle(RemediationBundle.Build(ReportFixture.Result()));
        var run = RunScript(script, uid: 1000, "--apply", "--sysctl-dir", SysctlDir);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--apply needs root", run.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "written")));
    }

    [Fact]
    public void Shell_syntax_in_a_value_is_passed_to_sysctl_literally()
    {
        const string nasty = "$(touch pwned) `touch pwned2` 'q' \"d\" ; touch pwned3";
        var script = WriteBundle(RemediationBundle.Build(With(Make("TA9001", "host", ("net.core.somaxconn", nasty)))));
        var run = RunScript(script, "--apply", "--backup", Path.Combine(_dir, "b.conf"), "--sysctl-dir", SysctlDir);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal($"net.core.somaxconn={nasty}\n", File.ReadAllText(Path.Combine(_dir, "written")));
        Assert.Empty(Directory.GetFiles(_dir, "pwned*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Unknown_arguments_are_refused()
    {
        var run = RunScript(WriteBundle(RemediationBundle.Build(ReportFixture.Result())), "--aply");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown argument: --aply", run.Stderr);
    }

    private string BundleDir => Path.Combine(_dir, "bundle");

    private string SysctlDir => Directory.CreateDirectory(Path.Combine(_dir, "sysctl.d")).FullName;

    private string WriteBundle(RemediationBundle bundle) => RemediationBundleWriter.Write(bundle, BundleDir)[1];

    private ProcessRunner.Result RunScript(string script, params string[] args) => RunScript(script, uid: 0, args);

    private ProcessRunner.Result RunScript(string script, int uid, params string[] args)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        var values = Directory.CreateDirectory(Path.Combine(_dir, "values")).FullName;
        File.WriteAllText(Path.Combine(values, "net.core.somaxconn"), "128\n");
        File.WriteAllText(Path.Combine(values, "net.ipv4.tcp_rmem"), "4096\t87380\t6291456\n");
        WriteExecutable(Path.Combine(bin, "sysctl"), $$"""
            #!/bin/sh
            case "$1" in
              -n) cat "{{values}}/$2" ;;
              -w) printf '%s\n' "$2" >>"{{_dir}}/written" ;;
              *) exit 64 ;;
            esac
            """);
        WriteExecutable(Path.Combine(bin, "id"), $"#!/bin/sh\necho {uid}\n");
        var path = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        return ProcessRunner.Run("env", ["PATH=" + path, "sh", script, .. args]);
    }

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text.Replace("\r\n", "\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
