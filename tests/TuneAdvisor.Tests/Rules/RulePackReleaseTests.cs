using System.Text.RegularExpressions;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Rules;
using TuneAdvisor.RuleTesting;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources;
using TuneAdvisor.Tests.Reporting;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests.Rules;

/// <summary>
/// rules/releases: each released pack's manifest matches what the binary can load, a change to a shipped rule brings
/// its released text along, and a policy's rulesVersion pin reproduces the release's findings.
/// </summary>
public sealed class RulePackReleaseTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Every_shipped_rule_runs_as_released_either_unchanged_or_from_its_released_copy()
    {
        Assert.Contains("0.1.0", RulePackReleases.Versions);
        foreach (var version in RulePackReleases.Versions)
        {
            foreach (var entry in RulePackReleases.Manifest(version))
            {
                var current = Path.Combine(RepoPaths.Rules, entry.File);
                var copy = Path.Combine(RepoPaths.Rules, "releases", version, entry.File);
                bool unchanged = File.Exists(current) && RulePackReleases.Hash(File.ReadAllText(current)) == entry.Sha256;
                bool kept = File.Exists(copy) && RulePackReleases.Hash(File.ReadAllText(copy)) == entry.Sha256;
                Assert.True(unchanged || kept,
                    $"{entry.RuleId} ({entry.File}) changed after {version}: copy its released text (git show <release commit>:rules/{entry.File}) to rules/releases/{version}/{entry.File}");
            }
            var pinned = RuleSet.Load(builtIn: true, [], version);
            Assert.Empty(pinned.Diagnostics.Where(d => d.Severity == Severity.Error));
            Assert.Equal(RulePackReleases.Manifest(version).Select(e => e.RuleId).Order(), pinned.Rules.Select(r => r.Id));
        }
    }

    [Fact]
    public void A_rule_not_in_the_newest_release_is_listed_as_unshipped_with_a_later_since()
    {
        var shipped = RulePackReleases.Manifest(RulePackReleases.Versions[^1]).Select(e => e.RuleId).ToHashSet();
        var releases = File.ReadAllText(Path.Combine(RepoPaths.Rules, "RELEASES.md"));
        var unshipped = releases[..releases.IndexOf("## Shipped", StringComparison.Ordinal)];
        foreach (var rule in RuleSet.Load(builtIn: true, []).Rules.Where(r => !shipped.Contains(r.Id)))
        {
            Assert.Matches(new Regex($@"^\| {rule.Id} \|", RegexOptions.Multiline), unshipped);
            Assert.NotEqual(RulePackReleases.Versions[^1], rule.Descriptor.Since);
        }
    }

    [Fact]
    public void A_changed_shipped_rule_is_loaded_from_its_released_text_and_a_missing_copy_is_a_packaging_bug()
    {
        var entry = RulePackReleases.Manifest("0.1.0").Single(e => e.RuleId == "TA1001");
        var released = Resources.EmbeddedResources.Read("rules/" + entry.File)!;
        var changed = released.Replace("default: 1024", "default: 2048", StringComparison.Ordinal);
        string? Read(string name, bool withCopy) =>
            name == "rules/" + entry.File ? changed
            : name == $"rules/releases/0.1.0/{entry.File}" ? (withCopy ? released : null)
            : Resources.EmbeddedResources.Read(name);

        var files = RulePackReleases.Files("0.1.0", name => Read(name, withCopy: true));
        Assert.Equal(released, files.Single(f => f.DisplayPath == "rules/" + entry.File).Text);
        var error = Assert.Throws<InvalidOperationException>(() => RulePackReleases.Files("0.1.0", name => Read(name, withCopy: false)));
        Assert.Contains("TA1001 changed since its release", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pin_reproduces_the_released_packs_findings_where_a_newer_rule_fires()
    {
        const string fragment = "hostname: web-1\nkernel: \"6.1.0\"\nsysctls: { net.core.somaxconn: 128, net.core.default_qdisc: pfifo_fast, net.ipv4.tcp_congestion_control: cubic }\n";
        var map = (YamlMapping)YamlTreeReader.Read(fragment, "fragment", new DiagnosticBag())!;
        var snapshot = _tree.Write("s.json", SnapshotJson.Serialize(SnapshotFragment.Build(map, ReportFixture.Now)));

        async Task<string[]> Fingerprints(string policy)
        {
            var result = await Advisor.AuditAsync(
                new AuditRequest { Source = new SnapshotRequest { SnapshotFile = snapshot }, PolicyFile = _tree.Write("p.yaml", policy) },
                Audits.At(ReportFixture.Now), null, CancellationToken.None);
            Assert.Equal(AuditOutcome.Completed, result.Outcome);
            return [.. result.Report!.Analysis.Findings.Select(f => $"{f.Fingerprint} {f.Severity} {f.Message}")];
        }

        var current = await Fingerprints("enable: [TA1510]\n");
        Assert.Contains(current, f => f.StartsWith("TA1510|host", StringComparison.Ordinal));   // the 0.2.0 rule fires
        var pinned = await Fingerprints("rulesVersion: 0.1.0\nenable: [TA1510]\n");
        Assert.DoesNotContain(pinned, f => f.StartsWith("TA1510", StringComparison.Ordinal));

        // What 0.1.0 itself finds: its manifest's rules, evaluated with the same policy.
        var released = RuleSet.Load(builtIn: true, [], "0.1.0");
        var analysis = Advisor.Analyze(SnapshotJson.Deserialize(File.ReadAllText(snapshot), snapshot, new DiagnosticBag())!, released,
            TuneAdvisor.Policy.AuditPolicy.Default, [], ReportFixture.Now);
        Assert.Equal(analysis.Findings.Select(f => $"{f.Fingerprint} {f.Severity} {f.Message}"), pinned);
        Assert.NotEmpty(pinned);
        Assert.Equal(current.Where(f => !f.StartsWith("TA1510", StringComparison.Ordinal)), pinned);
    }
}
