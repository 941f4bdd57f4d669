using System.Collections.Immutable;
using System.Text.Json;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Formats;
using TuneAdvisor.Sources;
using TuneAdvisor.Sources.Captures;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// Every "finding" and "no_finding" verdict of ../shared/corpus/expected.json, checked end to end: the case folder is
/// read as `audit --sos` (the sosreport) or `audit --input` (everything else) would read it, and the built-in rules
/// of the verdict's topic must (not) fire. A topic suffix limits a no_finding to, or excepts, named subjects.
/// </summary>
public sealed class CorpusVerdictTests
{
    /// <summary>Rule topics of the corpus README and the rules that speak to each (since-boot and per-window).</summary>
    private static readonly ImmutableDictionary<string, string[]> TopicRules = new Dictionary<string, string[]>
    {
        ["somaxconn_low"] = ["TA1001"],
        ["accept_queue_full"] = ["TA1002"],
        ["accept_queue_waiting_unknown_backlog"] = ["TA1015"],
        ["listen_overflows_drops"] = ["TA1003", "TA1004", "TA1005", "TA1006"],
        ["syncookies_off"] = ["TA1009"],
        ["interface_drops_errors"] = ["TA1203", "TA1204", "TA1205", "TA1207"],
        ["high_retransmission"] = ["TA1301", "TA1302"],
        ["ephemeral_ports_timewait"] = ["TA1404", "TA1406"],
        ["close_wait_pileup"] = ["TA1306"],
        ["backlog_capped_by_somaxconn"] = ["TA1013"],
        ["softnet_drops"] = ["TA1201", "TA1208"],
        ["conntrack_full"] = ["TA1604", "TA1605", "TA1606"],
        ["udp_rcvbuf_errors"] = ["TA1507", "TA1508", "TA1509"],
    }.ToImmutableDictionary();

    /// <summary>
    /// Topics whose rules do not exist yet (none since the rule catalog issue #12 added UDP receive errors and waiting
    /// connections behind an unknown backlog). A topic the corpus adds without a rule must be listed here, and
    /// <see cref="Topics_without_rules_are_exactly_the_pending_ones"/> then names it: never silently passed.
    /// </summary>
    private static readonly ImmutableHashSet<string> PendingTopics = [];

    public static TheoryData<string, int> Verdicts()
    {
        var data = new TheoryData<string, int>();
        if (RepoPaths.Corpus is not { } corpus)
            return data;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "expected.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var checks = c.GetProperty("checks").EnumerateArray().ToList();
            for (int i = 0; i < checks.Count; i++)
                if (checks[i].GetProperty("kind").GetString() is "finding" or "no_finding"
                    && !PendingTopics.Contains(checks[i].GetProperty("rule_topic").GetString()!.Split(':')[0]))
                    data.Add(c.GetProperty("case").GetString()!, i);
        }
        return data;
    }

    [CorpusFact]
    public void The_corpus_has_verdicts_for_every_topic_we_map() =>
        Assert.True(Verdicts().Count >= 20);

    [CorpusFact]
    public void Topics_without_rules_are_exactly_the_pending_ones()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, "expected.json")));
        var topics = doc.RootElement.GetProperty("cases").EnumerateArray()
            .SelectMany(c => c.GetProperty("checks").EnumerateArray())
            .Where(k => k.GetProperty("kind").GetString() is "finding" or "no_finding")
            .Select(k => k.GetProperty("rule_topic").GetString()!.Split(':')[0])
            .ToHashSet();
        var unmapped = topics.Where(t => !TopicRules.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(PendingTopics.Order(StringComparer.Ordinal), unmapped);
    }

    [CorpusTheory]
    [MemberData(nameof(Verdicts))]
    public async Task Verdict_holds(string caseName, int checkIndex)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, "expected.json")));
        var check = doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("case").GetString() == caseName)
            .GetProperty("checks")[checkIndex];
        var topic = check.GetProperty("rule_topic").GetString()!;
        var (name, except, only) = ParseTopic(topic);
        var rules = TopicRules[name];

        var dir = Path.Combine(RepoPaths.Corpus!, caseName);
        var source = Source(dir, check, only);
        var audit = await Advisor.AuditAsync(new AuditRequest { Source = source }, Audits.At(DateTimeOffset.UnixEpoch), null, CancellationToken.None);
        Assert.True(audit.Outcome == AuditOutcome.Completed, $"{caseName}: {audit.Outcome}: {string.Join("; ", audit.Diagnostics.All)}");
        var result = audit.Report!.Analysis;
        var findings = result.Findings.Where(f => rules.Contains(f.RuleId)).ToList();

        if (check.GetProperty("kind").GetString() == "finding")
        {
            Assert.True(findings.Count > 0, $"{caseName}: expected a {name} finding ({check.GetProperty("expected")}); outcomes: {Describe(result, rules)}");
            if (check.GetProperty("expected") is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("interface", out var iface))
                Assert.Contains(findings, f => f.Subject == $"interface {iface.GetString()}");
            return;
        }
        var offending = findings.Where(f => except.All(x => !f.Subject.EndsWith(" " + x, StringComparison.Ordinal))
                                         && (only.Length == 0 || only.Any(x => f.Subject.EndsWith(" " + x, StringComparison.Ordinal)))).ToList();
        Assert.True(offending.Count == 0, $"{caseName}: expected no {topic} finding, got {string.Join("; ", offending.Select(f => $"{f.RuleId} {f.Subject}: {f.Message}"))}");
    }

    /// <summary>"topic", "topic:except:a,b" or "topic:a,b" (the no_finding applies only to subjects a and b).</summary>
    private static (string Name, string[] Except, string[] Only) ParseTopic(string topic)
    {
        var colon = topic.IndexOf(':');
        if (colon < 0) return (topic, [], []);
        var rest = topic[(colon + 1)..];
        if (rest.StartsWith("except:", StringComparison.Ordinal)) return (topic[..colon], rest["except:".Length..].Split(','), []);
        return (topic[..colon], [], rest.Split(','));
    }

    /// <summary>
    /// What a user would audit for this verdict: a sosreport as `--sos`; the one file the verdict names
    /// (<c>"file": …</c>); in a folder of several hosts' captures, the host the topic names (`--host server1`);
    /// else the whole folder as `--input`.
    /// </summary>
    private static SnapshotRequest Source(string dir, JsonElement check, string[] only)
    {
        if (Directory.Exists(Path.Combine(dir, "sos_commands")))
            return new SnapshotRequest { Sosreport = dir };
        if (check.GetProperty("expected") is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("file", out var file))
            return new SnapshotRequest { Inputs = [Path.Combine(dir, file.GetString()!)] };
        var hosts = RawInputReader.ReadSet([dir], TimeProvider.System, InputParserRegistry.Default).Hosts;
        if (hosts.Length > 1)
            return new SnapshotRequest { Inputs = [dir], Host = Assert.Single(only, o => hosts.Any(h => h.IsNamed(o))) };
        return new SnapshotRequest { Inputs = [dir] };
    }

    private static string Describe(AnalysisResult r, string[] rules) =>
        string.Join("; ", r.Outcomes.Where(o => rules.Contains(o.RuleId)).Select(o => $"{o.RuleId} {o.Subject}: {o.Kind} {o.Reason}"));
}
