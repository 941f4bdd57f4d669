using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.IO;
using TuneAdvisor.Rules;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Policy;

/// <summary>
/// A team's audit policy, kept in version control beside the image or the fleet it gates (see schemas/policy.schema.json):
/// <code>
/// failOn: warning
/// disable: [TA1013]
/// severity: { TA1003: error, buffers: info }
/// options: { TA1002: { fill: 90% } }
/// waivers:
///   - { rule: TA1013, subject: "listener tcp *:2379", justification: "etcd pinned until the upgrade", ticket: OPS-123, expires: 2027-01-31 }
/// </code>
/// Every value is checked against the loaded rules: a mistyped key, an option the rule does not have, a value of the
/// wrong type or a date that is not yyyy-MM-dd is an error at its line and column; an id or category no rule has is a warning.
/// </summary>
public sealed record PolicyFile(AuditPolicy Policy, Severity? FailOn)
{
    private static readonly ImmutableArray<string> TopLevel = ["failOn", "disable", "enable", "severity", "options", "waivers", "requireWaiverExpiry"];
    private static readonly ImmutableArray<string> WaiverFields = ["rule", "subject", "justification", "reason", "ticket", "approver", "expires"];

    /// <summary>Reads and checks a policy file; null (with errors in <paramref name="diagnostics"/>) when it cannot be used.</summary>
    public static PolicyFile? Load(string path, RuleSet rules, DiagnosticBag diagnostics)
    {
        // A FIFO, a device or an oversized file is refused unread: what the user named is wrong (exit 2).
        if (BoundedFileReader.ReadText(path, FileReadLimits.Config, out _, out var problem) is not { } text)
        {
            diagnostics.Add(KnownDiagnostics.ConfigInvalid, SourceSpan.File(path), problem);
            return null;
        }
        return Parse(text, path, rules, diagnostics);
    }

    public static PolicyFile? Parse(string text, string path, RuleSet rules, DiagnosticBag diagnostics)
    {
        if (text.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
            return new PolicyFile(AuditPolicy.Default, null);   // a policy with nothing in it yet
        var local = new DiagnosticBag();
        var reader = new Reader(text, path, rules, local);
        var result = YamlTreeReader.Read(text, path, local) switch
        {
            YamlMapping map => reader.Read(map),
            YamlScalar { IsNull: true } => new PolicyFile(AuditPolicy.Default, null),
            null => null,
            var other => reader.Fail(other, "a policy file is a YAML mapping of failOn, disable, enable, severity, options and waivers"),
        };
        diagnostics.AddRange(local.ToImmutableSorted());
        return local.HasErrors ? null : result;
    }

    private sealed class Reader(string text, string path, RuleSet rules, DiagnosticBag diagnostics)
    {
        private readonly ImmutableDictionary<string, Rule> _rules = rules.Rules.ToImmutableDictionary(r => r.Id, StringComparer.Ordinal);
        private readonly ImmutableHashSet<string> _categories = rules.Rules.Select(r => r.Descriptor.Category).ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>requireWaiverExpiry: a waiver without 'expires' is an error instead of a warning (TA0304).</summary>
        private bool _requireExpiry;

        public PolicyFile? Fail(YamlNode node, string message)
        {
            Error(node, message);
            return null;
        }

        public PolicyFile Read(YamlMapping map)
        {
            foreach (var (key, _) in map.Entries)
                if (!TopLevel.Contains(key.Value))
                    Error(key, $"unknown key '{key.Value}'{DidYouMean.Suggest(key.Value, TopLevel)}");
            Severity? failOn = Scalar(map, "failOn") is { } f ? Level(f) : null;
            if (Scalar(map, "requireWaiverExpiry") is { } require)
            {
                if (require.Value is "true" or "false")
                    _requireExpiry = require.Value == "true";
                else
                    Error(require, $"requireWaiverExpiry is true or false, not '{require.Value}'");
            }
            var policy = AuditPolicy.Default with
            {
                Disabled = Names(map, "disable"),
                Enabled = Names(map, "enable"),
                SeverityOverrides = Severities(map),
                OptionOverrides = Options(map),
                Waivers = Waivers(map),
            };
            return new PolicyFile(policy, failOn);
        }

        private ImmutableHashSet<string> Names(YamlMapping map, string field)
        {
            var names = Scalars(map[field], field).ToList();
            names.ForEach(WarnIfUnknown);
            return names.Select(s => s.Value).ToImmutableHashSet(StringComparer.Ordinal);
        }

        private ImmutableDictionary<string, Severity> Severities(YamlMapping map)
        {
            var result = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
            foreach (var (key, value) in Entries(map["severity"], "severity"))
            {
                if (key.Value != "all")
                    WarnIfUnknown(key);
                if (AsScalar(value, $"severity of {key.Value}") is { } s && Level(s) is { } level)
                    result[key.Value] = level;
            }
            return result.ToImmutable();
        }

        private ImmutableDictionary<string, IReadOnlyDictionary<string, Value>> Options(YamlMapping map)
        {
            var result = ImmutableDictionary.CreateBuilder<string, IReadOnlyDictionary<string, Value>>(StringComparer.Ordinal);
            foreach (var (ruleKey, values) in Entries(map["options"], "options"))
            {
                if (!_rules.TryGetValue(ruleKey.Value, out var rule))
                {
                    Warn(ruleKey);
                    continue;
                }
                var typed = ImmutableDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
                foreach (var (name, value) in Entries(values, $"options of {rule.Id}"))
                {
                    if (!rule.OptionTypes.TryGetValue(name.Value, out var type))
                    {
                        Error(name, $"rule {rule.Id} has no option '{name.Value}'{DidYouMean.Suggest(name.Value, rule.OptionTypes.Keys)}");
                        continue;
                    }
                    if (AsScalar(value, $"option {name.Value}") is not { } scalar
                        || RuleCompiler.ParseLiteral(ScalarSource.For(scalar, text, path), diagnostics) is not { } literal)
                        continue;
                    if (literal.Type != type)
                        Error(scalar, $"option {rule.Id}.{name.Value} is {type.Name}, not {literal.Type.Name} ('{scalar.Value}')");
                    else
                        typed[name.Value] = literal.Value;
                }
                result[rule.Id] = typed.ToImmutable();
            }
            return result.ToImmutable();
        }

        private ImmutableArray<Waiver> Waivers(YamlMapping map)
        {
            var result = ImmutableArray.CreateBuilder<Waiver>();
            foreach (var item in Items(map["waivers"], "waivers"))
            {
                if (item is not YamlMapping w)
                {
                    Error(item, "a waiver is a mapping with rule, subject, justification, ticket, approver and expires");
                    continue;
                }
                foreach (var (key, _) in w.Entries)
                    if (!WaiverFields.Contains(key.Value))
                        Error(key, $"unknown waiver field '{key.Value}'{DidYouMean.Suggest(key.Value, WaiverFields)}");
                var rule = Required(w, "rule");
                var justification = Justification(w);
                if (rule is null || justification is null)
                    continue;
                if (!_rules.ContainsKey(rule.Value))
                    Warn(rule);
                DateTimeOffset? expires = null;
                if (Scalar(w, "expires") is { } e)
                    expires = WaiverExpiry.TryParse(e.Value, out var when, out var why) ? when : Invalid(e, why);
                else if (_requireExpiry)
                    Error(w, $"a waiver of {rule.Value} needs 'expires' (requireWaiverExpiry is on)");
                else
                    diagnostics.Add(KnownDiagnostics.WaiverWithoutExpiry, At(w), rule.Value);
                result.Add(new Waiver(rule.Value, Scalar(w, "subject")?.Value ?? "*", justification.Value, Scalar(w, "approver")?.Value, expires, At(w))
                {
                    Ticket = Scalar(w, "ticket")?.Value,
                });
            }
            return result.ToImmutable();
        }

        /// <summary>`justification` (the documented name) or its older alias `reason`: one of them, not both.</summary>
        private YamlScalar? Justification(YamlMapping w)
        {
            if (w["justification"] is not null && w["reason"] is not null)
            {
                Error(w.Entries.First(e => e.Key.Value == "reason").Key, "give 'justification' or its alias 'reason', not both");
                return null;
            }
            return w["reason"] is not null ? Required(w, "reason") : Required(w, "justification", "'justification' (or its alias 'reason')");
        }

        private DateTimeOffset? Invalid(YamlNode node, string why)
        {
            Error(node, why);
            return null;
        }

        /// <summary>An id or category no loaded rule has is a warning, and is kept: another run's --rules may have it.</summary>
        private void WarnIfUnknown(YamlScalar s)
        {
            if (!_rules.ContainsKey(s.Value) && !_categories.Contains(s.Value))
                Warn(s);
        }

        private void Warn(YamlScalar s) =>
            diagnostics.Add(KnownDiagnostics.UnknownRuleReference, At(s), s.Value, DidYouMean.Suggest(s.Value, _rules.Keys.Concat(_categories)));

        private Severity? Level(YamlScalar s)
        {
            if (SeverityNames.TryParse(s.Value, out var level))
                return level;
            Error(s, $"'{s.Value}' is not a severity (error, warning, info or none)");
            return null;
        }

        private YamlScalar? Scalar(YamlMapping map, string field) => map[field] is { } node ? AsScalar(node, field) : null;

        private YamlScalar? Required(YamlMapping map, string field, string? named = null)
        {
            if (Scalar(map, field) is { IsNull: false } s && s.Value.Trim().Length > 0)
                return s;
            Error(map, $"a waiver needs {named ?? $"'{field}'"}");
            return null;
        }

        private YamlScalar? AsScalar(YamlNode node, string what)
        {
            if (node is YamlScalar s)
                return s;
            Error(node, $"{what} must be a single value");
            return null;
        }

        private IEnumerable<YamlScalar> Scalars(YamlNode? node, string field) =>
            node is YamlScalar { IsNull: false } one ? [one] : Items(node, field).Select(n => AsScalar(n, $"an item of {field}")).OfType<YamlScalar>();

        private IEnumerable<YamlNode> Items(YamlNode? node, string field) => node switch
        {
            null or YamlScalar { IsNull: true } => [],
            YamlSequence seq => seq.Items,
            _ => Complain<YamlNode>(node, $"{field} must be a list"),
        };

        private IEnumerable<KeyValuePair<YamlScalar, YamlNode>> Entries(YamlNode? node, string field) => node switch
        {
            null or YamlScalar { IsNull: true } => [],
            YamlMapping m => m.Entries,
            _ => Complain<KeyValuePair<YamlScalar, YamlNode>>(node, $"{field} must be a mapping"),
        };

        private T[] Complain<T>(YamlNode node, string message)
        {
            Error(node, message);
            return [];
        }

        private void Error(YamlNode node, string message) => diagnostics.Add(KnownDiagnostics.ConfigInvalid, At(node), message);

        private SourceSpan At(YamlNode node) => SourceSpan.At(path, node.Line, node.Column);
    }
}
