namespace TuneAdvisor.Tests.Cli;

/// <summary>
/// Issue #14: YAML nested 10 000 deep in a rule file (`rules check`, `rules test`) or 100 000 deep in `--rules` or
/// `--policy` aborted with "Stack overflow." (exit 134); JSON as deep in `--snapshot` must not either. Each is now
/// one diagnostic at file(line,col) and exit 2 (what the user wrote) or 3 (a data source). The built CLI runs as a
/// child, so a regression fails this test instead of killing the test host.
/// </summary>
public sealed class DeepNestingTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static ProcessRunner.Result Cli(params string[] args) => ProcessRunner.Run(RepoPaths.Cli, args, TimeSpan.FromSeconds(120));

    private static string Capture => Path.Combine(RepoPaths.Root, "tests/TuneAdvisor.Tests/TestFiles/Captures/ss_-tanpi.txt");

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    [Theory]
    [InlineData("check")]
    [InlineData("test")]
    public void A_rule_file_nested_10_000_deep_is_a_yaml_error_with_exit_2(string verb)
    {
        _tree.File("rules/TA9001-deep.yaml", "id: TA9001", "title: " + Nested(10_000));
        var r = Cli("rules", verb, _tree.PathOf("rules"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{_tree.PathOf("rules/TA9001-deep.yaml")}(2,71): error TA0002: YAML syntax error: nested deeper than 64 levels", r.Stdout + r.Stderr);
        Assert.DoesNotContain("Stack overflow", r.Stdout + r.Stderr);
    }

    [Fact]
    public void Rules_nested_100_000_deep_are_a_yaml_error_with_exit_2()
    {
        var rules = _tree.Write("TA9001-deep.yaml", "id: " + Nested(100_000) + "\n");
        var r = Cli("audit", "--input", Capture, "--rules", rules);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{rules}(1,68): error TA0002: YAML syntax error: nested deeper than 64 levels", r.Stderr);
    }

    [Fact]
    public void A_policy_nested_100_000_deep_is_a_yaml_error_with_exit_2()
    {
        var policy = _tree.Write("tuneadvisor.yaml", "failOn: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "1" + new string('}', 100_000) + "\n");
        var r = Cli("audit", "--input", Capture, "--policy", policy);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{policy}(1,258): ", r.Stderr);
        Assert.Contains("error TA0002: YAML syntax error: nested deeper than 64 levels", r.Stderr);
    }

    [Fact]
    public void A_snapshot_nested_100_000_deep_is_an_invalid_snapshot_with_exit_3()
    {
        var snapshot = _tree.Write("snap.json", string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000) + "\n");
        var r = Cli("audit", "--snapshot", snapshot);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{snapshot}(1,321): error TA0206: Invalid snapshot: The maximum configured depth of 64 has been exceeded", r.Stderr);
    }

    [Fact]
    public void A_condition_nested_10_000_deep_is_a_syntax_error_with_exit_2()
    {
        _tree.File("rules/TA9001-deep.yaml", "id: TA9001", "title: t", "category: custom", "severity: warning", "scope: host", "message: m",
            "condition: '" + new string('(', 10_000) + "true" + new string(')', 10_000) + "'");
        var r = Cli("rules", "check", _tree.PathOf("rules"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error TA0102: The expression is longer than 2000 tokens", r.Stdout);
    }
}
