using System.Text.Json;
using Json.Schema;
using TuneAdvisor.Drift;
using static TuneAdvisor.Tests.Drift.DriftFixture;

namespace TuneAdvisor.Tests.Drift;

public sealed class DiffWriterTests
{
    public const string Before = """
        kernel: "6.1.0-18-amd64"
        hostname: web-01
        sysctls: { net.core.somaxconn: 4096, net.ipv4.tcp_syncookies: 1, net.ipv4.tcp_tw_reuse: 2 }
        listeners:
          - { protocol: tcp, local: "0.0.0.0:22", recvQ: 0, sendQ: 128, process: sshd, pid: 1 }
          - { protocol: tcp, local: "127.0.0.1:5432", recvQ: 0, sendQ: 244, process: postgres, pid: 700 }
          - { protocol: tcp, local: "[::]:443", recvQ: 0, sendQ: 511, process: nginx, pid: 900 }
        """;

    public const string After = """
        kernel: "6.1.0-18-amd64"
        hostname: web-01
        sysctls: { net.core.somaxconn: 128, net.ipv4.tcp_syncookies: 1, net.ipv4.tcp_fin_timeout: 30 }
        listeners:
          - { protocol: tcp, local: "0.0.0.0:22", recvQ: 0, sendQ: 128, process: sshd, pid: 1 }
          - { protocol: tcp, local: "[::]:443", recvQ: 0, sendQ: 128, process: nginx, pid: 901 }
          - { protocol: tcp, local: "127.0.0.1:8080", recvQ: 9, sendQ: 8, process: python3, pid: 4242 }
        """;

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "diff.schema.json"))));

    [Fact]
    public void Markdown_diff_matches_the_approved_snapshot() =>
        Snapshooter.Xunit.Snapshot.Match(new DiffMarkdownWriter().Write(Diff(Before, After)));

    [Fact]
    public void Json_diff_matches_the_approved_snapshot() =>
        Snapshooter.Xunit.Snapshot.Match(new DiffJsonWriter().Write(Diff(Before, After)));

    [Fact]
    public void Markdown_diff_has_a_section_per_kind_of_change()
    {
        var md = new DiffMarkdownWriter().Write(Diff(Before, After));
        Assert.Contains("# TuneAdvisor diff: a.json → b.json", md);
        Assert.Contains("| net.core.somaxconn | changed | 4096 | 128 |", md);
        Assert.Contains("| net.ipv4.tcp_tw_reuse | removed | 2 |  |", md);
        Assert.Contains("| listener tcp 127.0.0.1:8080 | appeared |  | 8 | python3(4242) |", md);
        Assert.Contains("| listener tcp [::]:443 | changed | 511 | 128 | nginx(901) |", md);
        Assert.Contains("| new | warning | TA1001 | host |", md);
        Assert.Contains("Volatile values (counters, gauges, pids, uuids, the boot id, timestamps, queue fill) were not compared", md);
        Assert.DoesNotContain("## Other", md);
    }

    [Fact]
    public void Two_alike_snapshots_have_no_differences_in_either_format()
    {
        var diff = Diff(Before, Before);
        Assert.False(diff.HasChanges);
        var md = new DiffMarkdownWriter().Write(diff);
        Assert.Contains("\nNo differences.\n", md);
        Assert.DoesNotContain("## Sysctls", md);
        using var doc = JsonDocument.Parse(new DiffJsonWriter().Write(diff));
        Assert.False(doc.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("summary").GetProperty("differences").GetInt32());
    }

    [Fact]
    public void The_json_diff_is_valid_against_its_schema_with_and_without_all()
    {
        foreach (var all in new[] { false, true })
        {
            var json = new DiffJsonWriter().Write(Diff(Before, After.Replace("6.1.0-18-amd64", "6.12.9"), all));
            using var doc = JsonDocument.Parse(json);
            var results = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))));
            Assert.Equal(DiffJsonWriter.FormatVersion, doc.RootElement.GetProperty("formatVersion").GetInt32());
            Assert.Equal(all, doc.RootElement.GetProperty("includesVolatile").GetBoolean());
        }
    }

    [Fact]
    public void Hostile_text_cannot_break_a_markdown_table()
    {
        var before = Snapshot("sysctls: { net.core.default_qdisc: fq }");
        var after = Snapshot("sysctls: { net.core.default_qdisc: fq }") with { Host = new() { Hostname = "evil|host\u001b[31m\n# heading" } };
        var md = new DiffMarkdownWriter().Write(Diff(Raised() with { Snapshot = before }, Raised() with { Snapshot = after }));
        Assert.Contains("| host hostname | changed | test-host | evil\\|host\\x1b[31m\\n# heading |", md);
        Assert.DoesNotContain("\u001b", md);
    }
}
