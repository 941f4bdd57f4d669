using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Rules;

/// <summary>Reads a rule file's YAML into a <see cref="RuleDocument"/>, rejecting unknown and mistyped fields.</summary>
public static class RuleLoader
{
    public static readonly ImmutableArray<string> TopLevelFields =
    [
        "id", "title", "message", "category", "severity", "enabledByDefault", "scope", "where", "condition", "escalate",
        "options", "remediation", "help", "tags", "references", "since", "kernel",
    ];

    public static readonly ImmutableArray<string> OptionFields = ["default", "description"];
    public static readonly ImmutableArray<string> RemediationFields = ["summary", "sysctls", "commands", "hints"];
    public static readonly ImmutableArray<string> EscalationFields = ["when", "severity"];

    public static RuleDocument? Load(string text, string path, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(text, path, diagnostics);
        if (root is null)
            return null;
        if (root is not YamlMapping map)
        {
            diagnostics.Add(KnownDiagnostics.InvalidFieldValue, At(path, root), "rule", "a rule file must be a YAML mapping of fields");
            return null;
        }
        var reader = new FieldReader(path, diagnostics);
        reader.CheckFields(map, TopLevelFields, "a rule");
        return new RuleDocument
        {
            Path = path,
            Text = text,
            Id = reader.Scalar(map, "id"),
            Title = reader.Scalar(map, "title"),
            Message = reader.Scalar(map, "message"),
            Category = reader.Scalar(map, "category"),
            Severity = reader.Scalar(map, "severity"),
            EnabledByDefault = reader.Scalar(map, "enabledByDefault"),
            Scope = reader.Scalar(map, "scope"),
            Where = reader.Scalar(map, "where"),
            Condition = reader.Scalar(map, "condition"),
            Escalate = ReadEscalations(map, reader),
            Options = ReadOptions(map, reader),
            Remediation = ReadRemediation(map, reader),
            Help = reader.Scalar(map, "help"),
            Tags = reader.ScalarList(map, "tags"),
            References = reader.ScalarList(map, "references"),
            Since = reader.Scalar(map, "since"),
            Kernel = reader.Scalar(map, "kernel"),
        };
    }

    internal static SourceSpan At(string path, YamlNode node) => SourceSpan.At(path, node.Line, node.Column);

    private static ImmutableArray<OptionDocument> ReadOptions(YamlMapping map, FieldReader reader)
    {
        if (reader.Mapping(map, "options") is not { } options)
            return [];
        var result = ImmutableArray.CreateBuilder<OptionDocument>();
        foreach (var (name, node) in options.Entries)
        {
            if (node is not YamlMapping option)
            {
                reader.Invalid(node, $"options.{name.Value}", "an option is a mapping with 'default' and 'description'");
                continue;
            }
            reader.CheckFields(option, OptionFields, $"option '{name.Value}'");
            result.Add(new OptionDocument(name, reader.Scalar(option, "default"), reader.Scalar(option, "description")));
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<EscalationDocument> ReadEscalations(YamlMapping map, FieldReader reader)
    {
        if (map["escalate"] is not { } node)
            return [];
        if (node is not YamlSequence seq)
        {
            reader.Invalid(node, "escalate", "a list of {when, severity}");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<EscalationDocument>();
        foreach (var item in seq.Items)
        {
            if (item is not YamlMapping m)
            {
                reader.Invalid(item, "escalate", "each entry is a mapping with 'when' and 'severity'");
                continue;
            }
            reader.CheckFields(m, EscalationFields, "an escalation");
            result.Add(new EscalationDocument(reader.Scalar(m, "when"), reader.Scalar(m, "severity"), m));
        }
        return result.ToImmutable();
    }

    private static RemediationDocument? ReadRemediation(YamlMapping map, FieldReader reader)
    {
        if (reader.Mapping(map, "remediation") is not { } r)
            return null;
        reader.CheckFields(r, RemediationFields, "remediation");
        var sysctls = ImmutableArray.CreateBuilder<KeyValuePair<YamlScalar, YamlScalar>>();
        if (reader.Mapping(r, "sysctls") is { } s)
        {
            foreach (var (key, value) in s.Entries)
            {
                if (value is YamlScalar v)
                    sysctls.Add(new(key, v));
                else
                    reader.Invalid(value, $"remediation.sysctls.{key.Value}", "a sysctl value is a scalar");
            }
        }
        return new RemediationDocument(reader.Scalar(r, "summary"), sysctls.ToImmutable(), reader.ScalarList(r, "commands"), reader.ScalarList(r, "hints"));
    }
}
