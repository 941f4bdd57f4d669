using System.Collections.Immutable;
using System.Text.Json;
using System.Xml.Linq;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Policy;
using TuneAdvisor.Reporting;
using TuneAdvisor.Rules;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Tests.Cli;
using TuneAdvisor.Tests.Snapshots;

namespace TuneAdvisor.Tests.Reporting;

/// <summary>
/// Issue #14, the matrix: a snapshot whose process name, command line, interface name, sysctl value and host name,
/// and rules whose titles and messages, all hold terminal escapes, C1 and bidi controls, HTML, Markdown table and
/// code-span syntax and line breaks, rendered through every format (and through the CLI, whose output goes to a
/// terminal). Each output must hold no raw control character, no markup that came from the data, and still say
/// what the text was: JSON, SARIF and JUnit keep it exactly (JSON-escaped; JUnit with visible escapes), HTML and
/// Markdown show it with visible escapes.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    /// <summary>ESC [31m (colour), BEL, C1 CSI, an HTML tag, table and code syntax, a line break that would start a heading, CR, RLO.</summary>
    private const string Payload = "\x1b[31mred\x07\u009b2J<img src=x onerror=alert(1)><b>bold</b>|cell|`tick`\n# injected\r\u202Eevil";

    private static readonly string[] Fields = ["process", "cmdline", "interface", "sysctl", "host", "title", "message"];

    private static string Hostile(string field) => $"{field}:{Payload}";

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static SystemSnapshot Snapshot()
    {
        var s = FullSnapshot.Create();
        var process = new ProcessRef(1472, Hostile("process"), 5);
        return s with
        {
            Source = s.Source with { Capabilities = [.. Enum.GetValues<SnapshotCapability>()] },
            Host = s.Host with { Hostname = Hostile("host") },
            Listeners = [.. s.Listeners.Select(l => l with { Processes = [process] })],
            Connections = [.. s.Connections.Select(c => c with { Processes = [process] })],
            Processes = [.. s.Processes.Select(p => p with { Name = Hostile("process"), CommandLine = Hostile("cmdline") })],
            Interfaces = [.. s.Interfaces.Select(i => i with { Name = Hostile("interface") })],
            Sysctls = s.Sysctls.SetItem("net.core.somaxconn", new SysctlEntry(Hostile("sysctl"), "/proc/sys/net/core/somaxconn")),
        };
    }

    /// <summary>One rule per scope that always fires and names its hostile field; titles and messages carry the payload themselves.</summary>
    private static IEnumerable<(string Id, string Scope, string Message)> RuleSpecs() =>
    [
        ("TA9001", "listener", "{listener.process}"),
        ("TA9002", "process", "{process.cmdline}"),
        ("TA9003", "interface", "{interface.name}"),
        ("TA9004", "sysctl", "{sysctl.value}"),
    ];

    private static string Yaml(string text) => JsonSerializer.Serialize(text);   // a JSON string is a YAML double-quoted scalar

    private string WriteRules()
    {
        foreach (var (id, scope, message) in RuleSpecs())
            _tree.File($"rules/{id}-hostile.yaml",
                $"id: {id}", $"title: {Yaml(Hostile("title"))}", "category: custom", "severity: warning", $"scope: {scope}",
                scope == "sysctl" ? "where: sysctl.key == \"net.core.somaxconn\"" : "where: true", "condition: true",
                $"message: {Yaml(Hostile("message") + " " + message)}")
                .File($"rules/{id}-hostile.md", "# help");
        return _tree.PathOf("rules");
    }

    private AuditReport Report()
    {
        var rules = RuleSet.Load(builtIn: false, [WriteRules()]);
        Assert.False(rules.HasErrors, string.Join("\n", rules.Diagnostics));
        var analysis = Advisor.Analyze(Snapshot(), rules, AuditPolicy.Default, ImmutableArray<Diagnostic>.Empty, ReportFixture.Now);
        Assert.True(RuleSpecs().Count() <= analysis.Findings.Length, string.Join("\n", analysis.Outcomes.Select(o => $"{o.RuleId} {o.Kind} {o.Subject} {o.Reason}")));
        return AuditReport.Of(analysis);
    }

    public static TheoryData<string> Formats() => [.. ReportWriterRegistry.Formats];

    /// <summary>Nothing that can drive a terminal or reorder text is left raw; line breaks and tabs only where the format has them.</summary>
    private static void AssertNoRawControls(string text)
    {
        var raw = text.Where(c => c is not ('\n' or '\t') && InertText.IsEscaped(c)).Distinct().Select(c => $"U+{(int)c:X4}").ToList();
        Assert.True(raw.Count == 0, $"raw control characters: {string.Join(", ", raw)}");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_keeps_hostile_text_inert_and_readable(string format)
    {
        var text = ReportWriterRegistry.Find(format)!.Write(Report());
        AssertNoRawControls(text);
        switch (format)
        {
            case "md":
                foreach (var field in Fields)
                    Assert.Contains(field + @":\x1b[31mred\x07\u009b2J\<img src=x onerror=alert(1)\>\<b\>bold\</b\>\|cell\|\`tick\`\n# injected\r\u202eevil", text);
                Assert.DoesNotContain("<img", text.Replace(@"\<img", ""));
                Assert.DoesNotMatch(@"(?m)^# injected", text);
                AssertTablesKeepTheirColumns(text);
                break;
            case "html":
                foreach (var field in Fields)
                    Assert.Contains(field + @":\x1b[31mred\x07\u009b2J&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;|cell|`tick`", text);
                Assert.DoesNotContain("<img", text);
                Assert.DoesNotContain("<b>", text);
                break;
            case "json" or "sarif":
                using (var doc = JsonDocument.Parse(text))
                {
                    var strings = Strings(doc.RootElement).ToList();
                    foreach (var field in Fields)
                        Assert.Contains(strings, s => s.Contains(Hostile(field), StringComparison.Ordinal));   // exactly, once parsed
                }
                break;
            case "junit":
                var values = XDocument.Parse(text).Descendants().SelectMany(e => e.Attributes().Select(a => a.Value).Append(e.Value)).ToList();
                foreach (var field in Fields)
                    Assert.Contains(values, v => v.Contains(field + @":\x1b[31mred\x07\u009b2J<img src=x onerror=alert(1)><b>bold</b>|cell|`tick`", StringComparison.Ordinal));
                Assert.DoesNotContain("<img", text);
                break;
            default:
                Assert.Fail($"no check for the '{format}' format");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_cli_writes_no_raw_control_character_to_the_terminal(string format)
    {
        var snapshot = _tree.Write("snap.json", SnapshotJson.Serialize(Snapshot()));
        // A rule folder whose name holds an escape: its path is in diagnostics printed on standard error.
        var rules = WriteRules();
        var odd = _tree.PathOf("rules\x1b[2J");
        Directory.Move(rules, odd);
        File.Delete(Path.Combine(odd, "TA9001-hostile.md"));   // TA0008 (no help page) names the file
        var r = CliRunner.Run("audit", "--snapshot", snapshot, "--rules", odd, "--no-builtin-rules", "--format", format, "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertNoRawControls(r.Stdout);
        AssertNoRawControls(r.Stderr);
        Assert.Contains(@"rules\x1b[2J", r.Stderr);
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>Every row of a Markdown table has as many cells as its header: no value added a '|' of its own.</summary>
    private static void AssertTablesKeepTheirColumns(string md)
    {
        int? columns = null;
        foreach (var line in md.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                columns = null;
                continue;
            }
            int cells = System.Text.RegularExpressions.Regex.Matches(line, @"(?<!\\)\|").Count - 1;
            columns ??= cells;
            Assert.True(columns == cells, $"a table row with {cells} cells under a header of {columns}: {line}");
        }
    }
}
