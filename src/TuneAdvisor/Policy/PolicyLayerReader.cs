using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Rules;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Policy;

/// <summary>
/// Reads one policy layer (a file or a preset) from YAML and checks every value against the loaded rules: a mistyped
/// key, an option the rule does not have, a value of the wrong type or a malformed date is an error at its line and
/// column; an id or category no rule has is a warning. Any single value may be written <c>{ value: X, why: "…" }</c>,
/// and disable/enable may be a mapping of id → why, so the reason for each choice travels with it.
/// </summary>
internal sealed class PolicyLayerReader(string text, string path, string origin, RuleSet rules, DiagnosticBag diagnostics)
{
    private static readonly ImmutableArray<string> TopLevel =
        ["description", "extends", "rulesVersion", "failOn", "requireWaiverExpiry", "disable", "enable", "severity", "options", "waivers", "overrides"];
    private static readonly ImmutableArray<string> OverrideFields = ["hostname", "kernel", "tags", "disable", "enable", "severity", "options"];

    private readonly ImmutableDictionary<string, Rule> _rules = rules.Rules.ToImmutableDictionary(r => r.Id, StringComparer.Ordinal);
    private readonly ImmutableHashSet<string> _categories = rules.Rules.Select(r => r.Descriptor.Category).ToImmutableHashSet(StringComparer.Ordinal);

    public PolicyLayer? Read(YamlNode? root) => root switch
    {
        YamlMapping map => ReadLayer(map),
        YamlScalar { IsNull: true } or null => new PolicyLayer { Origin = origin },
        _ => Fail(root, "a policy file is a YAML mapping of extends, rulesVersion, failOn, disable, enable, severity, options, waivers and overrides"),
    };

    private PolicyLayer? Fail(YamlNode node, string message)
    {
        Error(node, message);
        return null;
    }

    private PolicyLayer ReadLayer(YamlMapping map)
    {
        foreach (var (key, _) in map.Entries)
            if (!TopLevel.Contains(key.Value))
                Error(key, $"unknown key '{key.Value}'{DidYouMean.Suggest(key.Value, TopLevel)}");
        return new PolicyLayer
        {
            Origin = origin,
            Description = Scalar(map, "description")?.Value,
            Extends = [.. Scalars(map["extends"], "extends").Select(s => new Setting<string>(s.Value, null, origin, At(s)))],
            FailOn = Annotated<Severity>(map, "failOn", Level),
            RulesVersion = Annotated<string>(map, "rulesVersion", RulesVersion),
            RequireWaiverExpiry = Annotated<bool>(map, "requireWaiverExpiry", RequireExpiry),
            Body = Body(map),
            Waivers = new WaiverReader(this).Read(map["waivers"]),
            Overrides = Overrides(map["overrides"]),
        };
    }

    private PolicyBody Body(YamlMapping map) => new()
    {
        Switches = [.. Switches(map["enable"], "enable", on: true), .. Switches(map["disable"], "disable", on: false)],
        Severities = Severities(map["severity"]),
        Options = Options(map["options"]),
    };

    private ImmutableArray<HostOverride> Overrides(YamlNode? node)
    {
        var result = ImmutableArray.CreateBuilder<HostOverride>();
        foreach (var item in Items(node, "overrides"))
        {
            if (item is not YamlMapping entry)
            {
                Error(item, "an override is a mapping of a selector (hostname, kernel, tags) and what it changes (disable, enable, severity, options)");
                continue;
            }
            foreach (var (key, _) in entry.Entries)
                if (!OverrideFields.Contains(key.Value))
                    Error(key, $"unknown override field '{key.Value}'{DidYouMean.Suggest(key.Value, OverrideFields)}");
            KernelRange? kernel = null;
            if (Scalar(entry, "kernel") is { } k && (kernel = KernelRange.TryParse(k.Value, out var why)) is null)
                Error(k, $"kernel: {why}");
            var selector = new HostSelector(
                [.. Scalars(entry["hostname"], "hostname").Select(s => s.Value)], kernel, [.. Scalars(entry["tags"], "tags").Select(s => s.Value)]);
            if (selector.Hostnames.IsEmpty && entry["kernel"] is null && selector.Tags.IsEmpty)
                Error(entry, "an override needs a selector: hostname, kernel or tags");
            result.Add(new HostOverride(selector, Body(entry), At(entry)));
        }
        return result.ToImmutable();
    }

    /// <summary>A list of ids, a single id, or a mapping of id → why.</summary>
    private IEnumerable<SwitchChoice> Switches(YamlNode? node, string field, bool on)
    {
        if (node is YamlMapping reasons)
        {
            foreach (var (key, why) in reasons.Entries)
            {
                WarnIfUnknown(key);
                yield return new SwitchChoice(key.Value, new Setting<bool>(on, AsScalar(why, $"the why of {key.Value}") is { IsNull: false } reason ? reason.Value : null, origin, At(key)));
            }
            yield break;
        }
        foreach (var item in node is YamlScalar { IsNull: false } one ? [one] : Items(node, field))
        {
            if (Annotated<YamlScalar>(item, $"an item of {field}", Self) is not { } id)
                continue;
            WarnIfUnknown(id.Value);
            yield return new SwitchChoice(id.Value.Value, new Setting<bool>(on, id.Why, origin, At(id.Value)));
        }
    }

    private ImmutableArray<SeverityChoice> Severities(YamlNode? node)
    {
        var result = ImmutableArray.CreateBuilder<SeverityChoice>();
        foreach (var (key, value) in Entries(node, "severity"))
        {
            if (key.Value != "all")
                WarnIfUnknown(key);
            if (Annotated<Severity>(value, $"severity of {key.Value}", Level) is { } level)
                result.Add(new SeverityChoice(key.Value, level));
        }
        return result.ToImmutable();
    }

    private ImmutableArray<OptionChoice> Options(YamlNode? node)
    {
        var result = ImmutableArray.CreateBuilder<OptionChoice>();
        foreach (var (ruleKey, values) in Entries(node, "options"))
        {
            if (!_rules.TryGetValue(ruleKey.Value, out var rule))
            {
                Warn(ruleKey);
                continue;
            }
            foreach (var (name, value) in Entries(values, $"options of {rule.Id}"))
            {
                if (!rule.OptionTypes.TryGetValue(name.Value, out var type))
                {
                    Error(name, $"rule {rule.Id} has no option '{name.Value}'{DidYouMean.Suggest(name.Value, rule.OptionTypes.Keys)}");
                    continue;
                }
                string written = "";
                if (Annotated<Value>(value, $"option {name.Value}", (YamlScalar s, out Value v) =>
                {
                    written = s.Value;
                    return OptionValue(rule, name.Value, type, s, out v);
                }) is { } typed)
                    result.Add(new OptionChoice(rule.Id, name.Value, typed, written));
            }
        }
        return result.ToImmutable();
    }

    private bool OptionValue(Rule rule, string name, ExprType type, YamlScalar scalar, out Value value)
    {
        value = default!;
        if (RuleCompiler.ParseLiteral(ScalarSource.For(scalar, text, path), diagnostics) is not { } literal)
            return false;
        value = literal.Value;
        if (literal.Type == type)
            return true;
        Error(scalar, $"option {rule.Id}.{name} is {type.Name}, not {literal.Type.Name} ('{scalar.Value}')");
        return false;
    }

    private delegate bool Converter<T>(YamlScalar scalar, out T value);

    /// <summary>
    /// A single value, written plainly or as <c>{ value: X, why: "…" }</c>; <paramref name="convert"/> checks it
    /// (false when it is wrong, having said so).
    /// </summary>
    private Setting<T>? Annotated<T>(YamlNode node, string what, Converter<T> convert)
    {
        string? why = null;
        var target = node;
        if (node is YamlMapping m)
        {
            foreach (var (key, _) in m.Entries)
                if (key.Value is not ("value" or "why"))
                    Error(key, $"{what}: unknown field '{key.Value}' (a value with its reason is {{ value: …, why: … }})");
            why = Scalar(m, "why")?.Value;
            if (m["value"] is not { } v)
            {
                Error(m, $"{what} needs 'value'");
                return null;
            }
            target = v;
        }
        if (AsScalar(target, what) is not { } scalar || !convert(scalar, out var converted))
            return null;
        return new Setting<T>(converted, why, origin, At(scalar));
    }

    private Setting<T>? Annotated<T>(YamlMapping map, string field, Converter<T> convert) =>
        map[field] is { } node ? Annotated(node, field, convert) : null;

    private static bool Self(YamlScalar s, out YamlScalar value)
    {
        value = s;
        return true;
    }

    private bool RulesVersion(YamlScalar s, out string value)
    {
        value = s.Value;
        if (RulePackReleases.IsKnown(s.Value))
            return true;
        Error(s, $"rulesVersion '{s.Value}' is not a released rule pack (released: {string.Join(", ", RulePackReleases.Versions)}; see rules/RELEASES.md)");
        return false;
    }

    private bool RequireExpiry(YamlScalar s, out bool value)
    {
        value = s.Value == "true";
        if (s.Value is "true" or "false")
            return true;
        Error(s, $"requireWaiverExpiry is true or false, not '{s.Value}'");
        return false;
    }

    private bool Level(YamlScalar s, out Severity level)
    {
        if (SeverityNames.TryParse(s.Value, out level))
            return true;
        Error(s, $"'{s.Value}' is not a severity (error, warning, info or none)");
        return false;
    }

    /// <summary>An id or category no loaded rule has is a warning, and is kept: another run's --rules may have it.</summary>
    internal void WarnIfUnknown(YamlScalar s)
    {
        if (!_rules.ContainsKey(s.Value) && !_categories.Contains(s.Value))
            Warn(s);
    }

    internal void Warn(YamlScalar s) =>
        diagnostics.Add(KnownDiagnostics.UnknownRuleReference, At(s), s.Value, DidYouMean.Suggest(s.Value, _rules.Keys.Concat(_categories)));

    internal bool IsRule(string id) => _rules.ContainsKey(id);

    internal YamlScalar? Scalar(YamlMapping map, string field) => map[field] is { } node ? AsScalar(node, field) : null;

    internal YamlScalar? AsScalar(YamlNode node, string what)
    {
        if (node is YamlScalar s)
            return s;
        Error(node, $"{what} must be a single value");
        return null;
    }

    private IEnumerable<YamlScalar> Scalars(YamlNode? node, string field) =>
        node is YamlScalar { IsNull: false } one ? [one] : Items(node, field).Select(n => AsScalar(n, $"an item of {field}")).OfType<YamlScalar>();

    internal IEnumerable<YamlNode> Items(YamlNode? node, string field) => node switch
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

    internal void Error(YamlNode node, string message) => diagnostics.Add(KnownDiagnostics.ConfigInvalid, At(node), message);

    internal void Add(DiagnosticDescriptor descriptor, YamlNode node, params object[] args) => diagnostics.Add(descriptor, At(node), args);

    internal SourceSpan At(YamlNode node) => SourceSpan.At(path, node.Line, node.Column);
}
