using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TuneAdvisor.Baselines;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Reporting.Sarif;

/// <summary>
/// SARIF 2.1.0: one run whose driver lists every rule that ran, one result per finding (waived ones carry an
/// external suppression), the sysctl.d lines as a fix, and the run's diagnostics as tool execution notifications.
/// Compared with a baseline, each result has its baselineState (new, unchanged) and each baseline entry no finding
/// matches is one more result, baselineState absent, kind pass, level none (§3.27.24, §3.27.9).
/// Written with System.Text.Json source generation (AOT-safe).
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string FingerprintKey = "tuneadvisor/v1";

    private static readonly SarifJsonContext Context = new(new JsonSerializerOptions(SarifJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string Format => "sarif";

    public string Extension => ".sarif";

    /// <summary>
    /// The relaxed encoder keeps &lt; &amp; and non-ASCII text readable and escapes C0 and C1 controls, but passes the
    /// bidi and line-separator controls through; they can only stand inside JSON strings, where their \uXXXX escape
    /// means the same, so they are swapped for it (same JSON, inert on a terminal).
    /// </summary>
    public string Write(AuditReport report) =>
        EscapeInvisibleControls(JsonSerializer.Serialize(ToLog(report.Analysis, report.PolicyPath, report.Baseline), Context.SarifLog)) + "\n";

    private static string EscapeInvisibleControls(string json)
    {
        if (!json.Any(c => c > '\x7f' && InertText.IsEscaped(c)))
            return json;
        var sb = new System.Text.StringBuilder(json.Length + 32);
        foreach (char c in json)
        {
            if (c > '\x7f' && InertText.IsEscaped(c))
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    public static SarifLog ToLog(AnalysisResult r, string? policyPath = null, BaselineComparison? baseline = null)
    {
        var rules = r.Rules.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        var index = rules.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var host = r.Snapshot.Host;
        var run = new SarifRun(
            new SarifTool(new SarifToolComponent("TuneAdvisor", r.ToolVersion, [.. rules.Select(Rule)])
            {
                SemanticVersion = IsSemVer(r.ToolVersion) ? r.ToolVersion : null,
            }),
            [new SarifInvocation(
                !r.Diagnostics.Any(d => d.Severity == Severity.Error),
                r.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                [.. r.Diagnostics.Select(Notification)])],
            [.. r.Findings.Select(f => Result(f, index.TryGetValue(f.RuleId, out var i) ? i : -1)),
             .. (baseline?.Fixed ?? []).Select(e => Absent(e, index.TryGetValue(e.RuleId, out var i) ? i : -1, rules))])
        {
            AutomationDetails = host.Hostname is { Length: > 0 } name ? new SarifRunAutomationDetails($"tuneadvisor/{name}/") : null,
            OriginalUriBaseIds = new(StringComparer.Ordinal) { [SarifLocations.SnapshotRoot] = SarifLocations.RootOf(r.Snapshot.Source) },
            Properties = new SarifRunProperties(r.Snapshot.Source.Kind, r.Snapshot.Source.Location, host.Hostname, host.Kernel, policyPath) { Baseline = baseline?.Path },
        };
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    private static SarifReportingDescriptor Rule(RuleDescriptor d) => new(
        d.Id,
        RuleName(d),
        new SarifMultiformatMessage(d.Title),
        new SarifMultiformatMessage(FirstParagraph(d.HelpText, "What it checks") ?? d.Title),
        d.HelpText is { Length: > 0 } help
            ? new SarifMultiformatMessage(help) { Markdown = help }
            : new SarifMultiformatMessage(d.Title),
        new SarifReportingConfiguration(Level(d.DefaultSeverity), d.EnabledByDefault),
        new SarifRuleProperties(d.Category, [.. d.Tags.Distinct(StringComparer.Ordinal)], d.Scope, d.Path));

    private static SarifResult Result(Finding f, int ruleIndex)
    {
        var evidenceLocations = f.Evidence
            .Select(e => (Evidence: e, Location: SarifLocations.FromSource(e.Source)))
            .Where(x => x.Location is not null)
            .DistinctBy(x => x.Location)
            .ToArray();
        var rulePath = f.RulePath.Length > 0 ? SarifLocations.Physical(f.RulePath, null, relativeBase: null) : null;
        var primary = evidenceLocations.Length > 0 ? evidenceLocations[0].Location : rulePath;
        var logical = new SarifLogicalLocation(f.Subject, $"{f.RuleId}/{f.Subject}", SubjectKind(f.Subject));

        var related = new List<SarifLocation>();
        foreach (var (e, loc) in evidenceLocations.Skip(1))
            related.Add(new SarifLocation { Id = related.Count + 1, PhysicalLocation = loc, Message = new SarifMessage($"{e.Expression} = {e.Value}") });
        if (evidenceLocations.Length > 0 && rulePath is not null)
            related.Add(new SarifLocation { Id = related.Count + 1, PhysicalLocation = rulePath, Message = new SarifMessage($"rule {f.RuleId}: {f.Title}") });

        return new SarifResult(
            f.RuleId, ruleIndex, "fail", Level(f.Severity), new SarifMessage(f.Message),
            [new SarifLocation { PhysicalLocation = primary, LogicalLocations = [logical] }],
            new SortedDictionary<string, string>(StringComparer.Ordinal) { [FingerprintKey] = f.Fingerprint },
            new SarifResultProperties(f.Subject, f.Category, [.. f.Evidence.Select(e => new SarifEvidence(e.Expression, e.Value, e.Source))]))
        {
            RelatedLocations = related.Count > 0 ? [.. related] : null,
            Suppressions = f.Suppression is { } s ? [new SarifSuppression("external", "accepted", $"{s.Kind}: {s.Justification}")] : null,
            Fixes = Fix(f) is { } fix ? [fix] : null,
            BaselineState = f.Baseline?.ToName(),
        };
    }

    /// <summary>A baseline entry this run no longer finds: the rule ran and the subject passed, or is gone.</summary>
    private static SarifResult Absent(BaselineEntry e, int ruleIndex, ImmutableArray<RuleDescriptor> rules)
    {
        var path = rules.FirstOrDefault(d => d.Id == e.RuleId)?.Path;
        return new SarifResult(
            e.RuleId, ruleIndex, "pass", "none",
            new SarifMessage($"Fixed since the baseline: {e.Subject} no longer has this finding ({e.Title}; it was {e.Severity})."),
            [new SarifLocation
            {
                PhysicalLocation = path is { Length: > 0 } ? SarifLocations.Physical(path, null, relativeBase: null) : null,
                LogicalLocations = [new SarifLogicalLocation(e.Subject, $"{e.RuleId}/{e.Subject}", SubjectKind(e.Subject))],
            }],
            new SortedDictionary<string, string>(StringComparer.Ordinal) { [FingerprintKey] = e.Fingerprint },
            new SarifResultProperties(e.Subject, e.Category, []))
        {
            BaselineState = "absent",
        };
    }

    /// <summary>The finding's sysctls as the lines a new /etc/sysctl.d/90-tuneadvisor.conf would hold.</summary>
    private static SarifFix? Fix(Finding f)
    {
        if (f.Remediation is not { Sysctls.IsEmpty: false } rem)
            return null;
        var text = string.Concat(rem.Sysctls.Select(s => $"{s.Key} = {s.Value}\n"));
        var file = new SarifArtifactLocation { Uri = "etc/sysctl.d/" + Remediation.RemediationBundle.DropInName, UriBaseId = SarifLocations.SnapshotRoot };
        return new SarifFix(
            new SarifMessage(rem.Summary.Length > 0 ? rem.Summary : $"Set {string.Join(", ", rem.Sysctls.Select(s => s.Key))}."),
            [new SarifArtifactChange(file, [new SarifReplacement(new SarifRegion(1) { StartColumn = 1, EndLine = 1, EndColumn = 1 }, new SarifArtifactContent(text))])]);
    }

    private static SarifNotification Notification(Diagnostic d) => new(new SarifDescriptorReference(d.Id), Level(d.Severity), new SarifMessage(d.Message))
    {
        Locations = d.Span.Path.Length == 0 ? null :
        [
            new SarifLocation
            {
                PhysicalLocation = SarifLocations.Physical(d.Span.Path, null, relativeBase: null) with
                {
                    Region = d.Span.HasPosition ? new SarifRegion(d.Span.Line) { StartColumn = d.Span.Column > 0 ? d.Span.Column : null } : null,
                },
            },
        ],
    };

    /// <summary>"listener tcp 127.0.0.1:8080" → "listener"; "host" → "host".</summary>
    private static string SubjectKind(string subject)
    {
        var space = subject.IndexOf(' ');
        return subject == "*" ? "rule" : space > 0 ? subject[..space] : subject;
    }

    /// <summary>"rules/listen/TA1001-somaxconn-low.yaml" → "SomaxconnLow"; the id when the file name has no title part.</summary>
    private static string RuleName(RuleDescriptor d)
    {
        var file = System.IO.Path.GetFileNameWithoutExtension(d.Path);
        var words = file.Split('-', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w.Equals(d.Id, StringComparison.OrdinalIgnoreCase)).ToArray();
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return name.Length > 0 && name.All(char.IsAsciiLetterOrDigit) ? name : d.Id;
    }

    /// <summary>The first paragraph under a "## heading" of a Markdown help page, joined onto one line.</summary>
    private static string? FirstParagraph(string? markdown, string heading)
    {
        if (markdown is null)
            return null;
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim().Equals("## " + heading, StringComparison.OrdinalIgnoreCase));
        if (start < 0)
            return null;
        var paragraph = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace)
            .TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#')).Select(l => l.Trim());
        var text = string.Join(' ', paragraph);
        return text.Length > 0 ? text : null;
    }

    private static bool IsSemVer(string version) =>
        System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$");
}
