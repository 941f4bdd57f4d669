using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Reporting.JUnit;

/// <summary>
/// JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps): one testsuite per rule, one testcase per
/// (rule, subject) outcome. A finding is a failure (type = severity); not applicable, not evaluated and waived
/// outcomes are skipped with the reason, and so are findings in the run's baseline ("in baseline (warning): …"), so a
/// CI test view (Jenkins, GitLab) shows only new findings as failures; a pass is a plain testcase. A baseline entry
/// that is fixed is the pass of its subject (or no testcase, when the subject is gone). The classname "tuneadvisor.CATEGORY.ID" groups
/// rules by category in Jenkins' package view. Written with XmlWriter (AOT-safe).
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public string Format => "junit";

    public string Extension => ".xml";

    public string Write(AuditReport report)
    {
        var result = report.Analysis;
        var suites = Suites(result);
        var timestamp = result.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", Clean($"TuneAdvisor audit of {result.Snapshot.Host.Hostname ?? result.Snapshot.Source.Location}"));
            WriteCounts(xml, suites.SelectMany(s => s.Cases).ToArray());
            xml.WriteAttributeString("timestamp", timestamp);
            foreach (var (descriptor, id, cases) in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(descriptor is null ? id : $"{id}: {descriptor.Title}"));
                WriteCounts(xml, cases);
                xml.WriteAttributeString("timestamp", timestamp);
                if (result.Snapshot.Host.Hostname is { } hostname)
                    xml.WriteAttributeString("hostname", Clean(hostname));
                if (descriptor is not null)
                {
                    xml.WriteStartElement("properties");
                    Property(xml, "category", descriptor.Category);
                    Property(xml, "severity", descriptor.DefaultSeverity.ToName());
                    Property(xml, "scope", descriptor.Scope);
                    if (report.PolicyPath is { } policy)
                        Property(xml, "policy", policy);
                    if (report.Baseline is { } baseline)
                        Property(xml, "baseline", baseline.Path);
                    Property(xml, "rule", descriptor.Path);
                    xml.WriteEndElement();
                }
                foreach (var c in cases)
                    WriteCase(xml, c);
                xml.WriteEndElement();
            }
            if (!result.Diagnostics.IsEmpty)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", "TuneAdvisor diagnostics");
                WriteCounts(xml, []);
                xml.WriteAttributeString("timestamp", timestamp);
                xml.WriteElementString("system-err", Clean(string.Concat(result.Diagnostics.Select(d => d + "\n"))));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The suites in rule id order: every rule that ran, with its outcomes in subject order.</summary>
    public static ImmutableArray<(RuleDescriptor? Descriptor, string Id, ImmutableArray<JUnitCase> Cases)> Suites(AnalysisResult result)
    {
        var descriptors = result.Rules.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var findings = result.Findings.ToDictionary(f => (f.RuleId, f.Subject));
        var ids = result.Rules.Select(d => d.Id).Concat(result.Outcomes.Select(o => o.RuleId)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var outcomes = result.Outcomes.ToLookup(o => o.RuleId, StringComparer.Ordinal);
        return [.. ids.Select(id =>
        {
            var d = descriptors.GetValueOrDefault(id);
            var className = $"tuneadvisor.{d?.Category ?? "rules"}.{id}";
            var cases = outcomes[id].OrderBy(o => o.Subject, StringComparer.Ordinal)
                .Select(o => Case(className, d?.Path ?? "", o, findings.GetValueOrDefault((o.RuleId, o.Subject))))
                .ToImmutableArray();
            return (d, id, cases);
        })];
    }

    private static JUnitCase Case(string className, string file, RuleOutcome o, Finding? f)
    {
        var name = o.Subject == "*" ? "(all subjects)" : o.Subject;
        return o.Kind switch
        {
            OutcomeKind.Pass => new JUnitCase(className, name, file, null, null),
            OutcomeKind.NotApplicable => new JUnitCase(className, name, file, null, "not applicable: " + (o.Reason ?? "this source cannot tell")),
            OutcomeKind.NotEvaluated => new JUnitCase(className, name, file, null, "not evaluated: " + (o.Reason ?? "a value it needs is unknown")),
            _ when f is null => new JUnitCase(className, name, file, null, "the condition held, but policy dropped the finding"),
            _ when f.Suppression is { } s => new JUnitCase(className, name, file, null, $"{s.Kind}: {s.Justification}"),
            _ when f.Baseline == BaselineState.Unchanged => new JUnitCase(className, name, file, null, $"in baseline ({f.Severity.ToName()}): {f.Message}"),
            _ => new JUnitCase(className, name, file, new JUnitFailure(f.Message, f.Severity.ToName(), FailureBody(f)), null),
        };
    }

    /// <summary>The failure text: message, evidence, the fix (sysctl -w and sysctl.d lines, commands, hints), the rule and help files.</summary>
    public static string FailureBody(Finding f)
    {
        var sb = new StringBuilder();
        sb.Append($"[{f.Severity.ToString().ToUpperInvariant()}] {f.RuleId} {f.Title}\n{f.Subject}: {f.Message}\n");
        if (!f.Evidence.IsEmpty)
        {
            sb.Append("\nEvidence:\n");
            foreach (var e in f.Evidence)
                sb.Append($"  {e.Expression} = {e.Value}{(e.Source is null ? "" : $"  ({e.Source})")}\n");
        }
        if (f.Remediation is { } rem)
        {
            sb.Append($"\nFix: {rem.Summary}\n");
            foreach (var s in rem.Sysctls)
                sb.Append($"  sysctl -w {Remediation.ShellText.Quote($"{s.Key}={s.Value}")}\n");
            if (!rem.Sysctls.IsEmpty)
            {
                sb.Append($"  # persist in /etc/sysctl.d/{Remediation.RemediationBundle.DropInName}:\n");
                foreach (var s in rem.Sysctls)
                    sb.Append($"  {s.Key} = {s.Value}\n");
            }
            foreach (var c in rem.Commands)
                sb.Append($"  run: {c}\n");
            foreach (var h in rem.Hints)
                sb.Append($"  - {h}\n");
        }
        sb.Append($"\nRule: {f.RulePath}{(f.HelpPath is null ? "" : $"; help: {f.HelpPath}")}\n");
        return sb.ToString();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<JUnitCase> cases)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", cases.Count(c => c.Failure is not null).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", cases.Count(c => c.Skipped is not null).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", "0");
    }

    private static void WriteCase(XmlWriter xml, JUnitCase c)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean(c.ClassName));
        xml.WriteAttributeString("name", Clean(c.Name));
        if (c.File.Length > 0)
            xml.WriteAttributeString("file", Clean(c.File));
        xml.WriteAttributeString("time", "0");
        if (c.Failure is { } failure)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(failure.Message));
            xml.WriteAttributeString("type", failure.Type);
            xml.WriteString(Clean(failure.Body));
            xml.WriteEndElement();
        }
        else if (c.Skipped is { } reason)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", Clean(reason));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    /// <summary>Text made inert and XML-safe: control characters escaped visibly, what XML 1.0 still cannot carry as U+FFFD.</summary>
    private static string Clean(string text)
    {
        // Control characters as visible escapes (\x1b), like every other format; what XML still cannot hold
        // (a lone surrogate, U+FFFE) becomes U+FFFD.
        text = InertText.Escape(text, keepLineBreaks: true);
        if (text.All(XmlConvert.IsXmlChar))
            return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
            else
                sb.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return sb.ToString();
    }
}
