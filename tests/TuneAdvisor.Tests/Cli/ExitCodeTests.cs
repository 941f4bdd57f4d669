using System.CommandLine;
using TuneAdvisor.Cli;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Drift;
using TuneAdvisor.Tests.Reporting;

namespace TuneAdvisor.Tests.Cli;

/// <summary>
/// One test per exit code of the table (<see cref="ExitCodes"/>), for audit and diff: 0 pass, 1 the gate failed,
/// 2 what the user wrote is wrong, 3 a data source cannot be used, 70 a bug, 130/143 a signal (ExitCodeTests.Signals.cs),
/// and the table in every command's --help.
/// </summary>
public sealed partial class ExitCodeTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    /// <summary>The report fixture saved as `collect` saves it: six findings, one of them an error.</summary>
    private string Findings() => _tree.Write("findings.json", SnapshotJson.Serialize(ReportFixture.Result().Snapshot));

    private string Quiet() => _tree.Write("quiet.json", SnapshotJson.Serialize(DriftFixture.Snapshot("sysctls: { net.core.somaxconn: 4096 }")));

    private static CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--no-policy"]);

    [Fact]
    public void Exit_0_when_the_gate_passes()
    {
        Assert.Equal(ExitCodes.Success, Run("audit", "--snapshot", Quiet()).ExitCode);
        Assert.Equal(ExitCodes.Success, Run("audit", "--snapshot", Findings(), "--fail-on", "none").ExitCode);
        Assert.Equal(ExitCodes.Success, Run("diff", Findings(), Findings(), "--fail-on-change").ExitCode);
        Assert.Equal(ExitCodes.Success, Run("diff", Quiet(), Findings()).ExitCode);   // a difference without --fail-on-change
    }

    [Fact]
    public void Exit_1_when_the_gate_fails()
    {
        var audit = Run("audit", "--snapshot", Findings());
        Assert.Equal(ExitCodes.Findings, audit.ExitCode);
        Assert.Contains("tuneadvisor: 6 finding(s)", audit.Stderr);
        Assert.Equal(ExitCodes.Findings, Run("audit", "--snapshot", Findings(), "--fail-on", "error").ExitCode);
        Assert.Equal(ExitCodes.Findings, Run("diff", Quiet(), Findings(), "--fail-on-change").ExitCode);
    }

    [Theory]
    [InlineData("audit", "--no-such-option")]
    [InlineData("audit", "--fail-on", "sometimes")]
    [InlineData("audit", "--severity", "TA1001")]
    [InlineData("audit", "--interval", "forever")]
    [InlineData("diff", "only-one.json")]
    [InlineData("diff", "a.json", "b.json", "--format", "html")]
    [InlineData("nonsense")]
    public void Exit_2_for_a_bad_argument_with_one_line_naming_it(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.StartsWith("tuneadvisor: ", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("diff")]
    public void Exit_2_for_a_bad_policy_at_its_file_line_and_column(string command)
    {
        var policy = _tree.Write("team.yaml", "failOn: warning\nseverity:\n  TA1001: fatal\n");
        var r = CliRunner.Run(With(command, "--policy", policy));
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains($"{policy}(3,11): error TA0301: Invalid configuration: 'fatal' is not a severity", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("diff")]
    public void Exit_2_for_a_bad_rule_at_its_file_line_and_column(string command)
    {
        var rule = _tree.Write("rules/TA9001-broken.yaml", "id: TA9001\ntitle: t\nmessage: m\ncategory: custom\nseverity: warning\nscope: host\ncondition: 16MiB > \"big\"\n");
        var r = Run(With(command, "--rules", Path.GetDirectoryName(rule)!));
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains($"{rule}(7,18): error TA0103: Operator '>' cannot be applied to Bytes and String", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("diff")]
    public void Exit_3_for_a_missing_snapshot(string command)
    {
        var missing = _tree.PathOf("nope.json");
        var r = Run(Reading(command, missing));
        Assert.Equal(ExitCodes.SourceUnavailable, r.ExitCode);
        Assert.Contains($"{missing}: error TA0201: Cannot read input", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    /// <summary>
    /// A file its reader may not read. Root reads any file whatever its mode, except a write-only /proc/sys file
    /// (proc_sys_permission() checks the mode even for root), so that is the unreadable file here; a chmod 000 copy
    /// stands in where the tool runs as another user.
    /// </summary>
    [Theory]
    [InlineData("audit")]
    [InlineData("diff")]
    public void Exit_3_for_an_unreadable_snapshot(string command)
    {
        var unreadable = new List<string>();
        if (File.Exists("/proc/sys/net/ipv4/route/flush"))
            unreadable.Add("/proc/sys/net/ipv4/route/flush");
        if (Environment.UserName != "root")
        {
            var locked = _tree.Write("locked.json", SnapshotJson.Serialize(ReportFixture.Result().Snapshot));
            File.SetUnixFileMode(locked, UnixFileMode.None);
            unreadable.Add(locked);
        }
        Assert.NotEmpty(unreadable);
        foreach (var path in unreadable)
        {
            var r = Run(Reading(command, path));
            Assert.True(r.ExitCode == ExitCodes.SourceUnavailable, $"{path}: exit {r.ExitCode}: {r.Stderr}");
            Assert.Contains($"{path}: error TA0201: Cannot read input", r.Stderr);
            Assert.DoesNotContain("   at ", r.Stderr);
        }
    }

    [Theory]
    [InlineData("audit", "empty.json", "")]
    [InlineData("audit", "other.json", "{\"hello\": 1}\n")]
    [InlineData("audit", "text.json", "State Recv-Q Send-Q\n")]
    [InlineData("diff", "empty.json", "")]
    [InlineData("diff", "other.json", "{\"hello\": 1}\n")]
    public void Exit_3_for_an_empty_or_unrecognised_snapshot(string command, string name, string content)
    {
        var path = _tree.Write(name, content);
        var r = Run(Reading(command, path));
        Assert.Equal(ExitCodes.SourceUnavailable, r.ExitCode);
        Assert.Contains("error TA0206: Invalid snapshot", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    /// <summary>
    /// The product has no switch that makes it fail on purpose, and gets none for this test: the real command tree is
    /// run through the real <see cref="TuneAdvisor.Cli.Cli.RunAsync(RootCommand, string[], TextWriter, TextWriter)"/>
    /// with one more command whose action has a bug, as any command's could.
    /// </summary>
    [Fact]
    public void Exit_70_for_an_internal_error_with_two_lines_and_no_stack_trace()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = TuneAdvisor.Cli.Cli.BuildRoot(stdout, stderr);
        var buggy = new Command("buggy", "A command with a bug.");
        buggy.SetAction(int (_) => throw new InvalidOperationException("the index was out of step"));
        root.Subcommands.Add(buggy);

        var code = TuneAdvisor.Cli.Cli.RunAsync(root, ["buggy"], stdout, stderr).GetAwaiter().GetResult();

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal("""
            tuneadvisor: internal error: InvalidOperationException: the index was out of step
            This is a bug in TuneAdvisor; please report it with the command line you ran.

            """.ReplaceLineEndings(Environment.NewLine), stderr.ToString());
        Assert.Equal("", stdout.ToString());
    }

    /// <summary>Every command and subcommand, found by walking the tree (so a command added later is checked too).</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var sub in command.Subcommands)
                Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}");
        }
        Walk(TuneAdvisor.Cli.Cli.BuildRoot(TextWriter.Null, TextWriter.Null), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_commands_help_shows_the_exit_code_table(string command)
    {
        var r = CliRunner.Run([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        var help = string.Join(" ", r.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(ExitCodes.Table, help);
    }

    /// <summary>The command line for <paramref name="command"/> on <paramref name="snapshot"/>: audit reads it, diff compares a good one with it.</summary>
    private string[] Reading(string command, string snapshot) => command == "audit"
        ? ["audit", "--snapshot", snapshot]
        : ["diff", Quiet(), snapshot];

    /// <summary>The command line for <paramref name="command"/> on good snapshots with one more option.</summary>
    private string[] With(string command, string option, string value) => command == "audit"
        ? ["audit", "--snapshot", Quiet(), option, value]
        : ["diff", Quiet(), Quiet(), option, value];
}
