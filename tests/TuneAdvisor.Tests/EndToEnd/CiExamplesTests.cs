using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// The README's "CI" section cannot drift from the CLI: every `tuneadvisor` command line in it runs, as written, with
/// the built binary against a fixture image root and the section's own tuneadvisor.yaml. On the committed state each
/// gate passes with the baseline and waived findings still reported; with a new problem in the image each fails.
/// </summary>
public sealed class CiExamplesTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static string Section()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int start = readme.IndexOf("\n## CI\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## CI' section");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    /// <summary>The fenced blocks of the section, each with its info string (yaml, sh, hcl).</summary>
    private static List<(string Info, string Body)> Blocks(string section) =>
        [.. Regex.Matches(section, "```([a-z]*)\n(.*?)```", RegexOptions.Singleline).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    /// <summary>Each `tuneadvisor SUBCOMMAND …` in a block: a YAML `run:` or list item, a shell line, or an HCL string.</summary>
    internal static List<string[]> Commands(string block)
    {
        var result = new List<string[]>();
        foreach (var line in block.Split('\n'))
        {
            var m = Regex.Match(line, @"(?:^|[\s""'])tuneadvisor ((?:audit|diff|policy|rules|collect)\b.*)$");
            if (!m.Success)
                continue;
            var text = m.Groups[1].Value.TrimEnd();
            if (Regex.IsMatch(line, @"^\s*""") )
                text = Regex.Replace(text, @""",?$", "");   // an HCL list item: "…",
            result.Add(ShellWords(text));
        }
        return result;
    }

    private static string[] ShellWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else
                    word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                Assert.False(c is '|' or '>' or '<' or ';' or '&' or '$' or '`', $"the README's command line uses shell syntax the test cannot run: {text}");
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
            words.Add(word.ToString());
        return [.. words];
    }

    /// <summary>The Packer step runs inside the machine being built: its / is the image and its files sit in /tmp/.</summary>
    private static string[] ForFixture(string[] args) =>
        [.. args.Select((a, i) => i > 0 && args[i - 1] == "--root" && a == "/" ? "img" : a.StartsWith("/tmp/", StringComparison.Ordinal) ? a["/tmp/".Length..] : a)];

    private string Fixture()
    {
        var dir = _tree.PathOf("repo");
        Directory.CreateDirectory(Path.Combine(dir, ".git"));   // discovery stops here, as in a checkout
        Directory.CreateDirectory(Path.Combine(dir, "img/usr/lib/modules/6.1.0-18-amd64"));
        Directory.CreateDirectory(Path.Combine(dir, "img/etc/sysctl.d"));
        File.WriteAllText(Path.Combine(dir, "img/etc/sysctl.d/60-image.conf"), "net.core.somaxconn = 128\nnet.ipv4.tcp_syncookies = 0\n");
        var policy = Blocks(Section()).Select(b => b.Body).First(b => b.StartsWith("# tuneadvisor.yaml", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir, "tuneadvisor.yaml"), policy);
        return dir;
    }

    private static ProcessRunner.Result Run(string dir, string[] args) => ProcessRunner.Run(RepoPaths.Cli, ForFixture(args), workingDirectory: dir);

    [Fact]
    public void Every_command_line_of_the_ci_section_runs_as_written_and_gates_only_on_new_findings()
    {
        var blocks = Blocks(Section());
        var commands = blocks.SelectMany(b => Commands(b.Body)).ToList();
        var write = Assert.Single(commands, c => c.Contains("--write-baseline"));
        var gates = commands.Where(c => c.Contains("--baseline")).ToList();
        Assert.Equal(3, gates.Count);   // GitHub Actions, Packer, GitLab
        Assert.Contains(blocks, b => b.Info == "hcl");

        var dir = Fixture();
        var first = Run(dir, write);
        Assert.True(first.ExitCode == 0, first.Stderr);
        using (var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "tuneadvisor-baseline.json"))))
            Assert.NotEqual(0, baseline.RootElement.GetProperty("findings").GetArrayLength());

        var others = commands.Where(c => c != write).ToList();
        foreach (var command in others)
        {
            var r = Run(dir, command);
            Assert.True(r.ExitCode == 0, $"{string.Join(' ', command)} exited {r.ExitCode}: {r.Stderr}");
        }
        var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "tuneadvisor.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "TA1009");
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "TA1001" && r.TryGetProperty("suppressions", out _));   // waived, still there
        var report = File.ReadAllText(Path.Combine(dir, "tuneadvisor-report.md"));
        Assert.Contains("TA1009", report, StringComparison.Ordinal);   // baselined, still there
        var junit = XDocument.Load(Path.Combine(dir, "tuneadvisor-junit.xml"));
        Assert.Contains(junit.Descendants("skipped"), s => s.Attribute("message")?.Value.StartsWith("in baseline", StringComparison.Ordinal) == true);
        Assert.Empty(junit.Descendants("failure"));

        // A new problem in the image: every gate fails, on it alone; the code-scanning run still uploads.
        File.WriteAllText(Path.Combine(dir, "img/etc/sysctl.d/70-new.conf"), "net.ipv4.tcp_tw_recycle = 1\n");
        foreach (var command in others)
            Assert.Equal(gates.Contains(command) ? 1 : 0, Run(dir, command).ExitCode);
        var failure = Assert.Single(XDocument.Load(Path.Combine(dir, "tuneadvisor-junit.xml")).Descendants("failure"));
        Assert.Contains("TA1401", failure.Parent!.ToString(), StringComparison.Ordinal);
        sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "tuneadvisor.sarif")));
        Assert.Contains(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "TA1401");
    }

    [Fact]
    public void The_extractor_reads_yaml_shell_and_hcl_lines()
    {
        Assert.Equal(["audit", "--root", "img"], Assert.Single(Commands("        run: tuneadvisor audit --root img\n")));
        Assert.Equal(["audit", "--root", "/"], Assert.Single(Commands("      \"tuneadvisor audit --root /\",\n")));
        Assert.Equal(["audit", "-o", "a b"], Assert.Single(Commands("    - tuneadvisor audit -o 'a b'\n")));
        Assert.Empty(Commands("      \"sudo install -m 0755 /tmp/tuneadvisor /usr/local/bin/tuneadvisor\",\n"));
    }
}
