using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Rules;

/// <summary>Reads typed fields from a YAML mapping, reporting mistyped and unknown fields at their position.</summary>
internal sealed class FieldReader(string path, DiagnosticBag diagnostics)
{
    public void CheckFields(YamlMapping map, ImmutableArray<string> allowed, string where)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (!allowed.Contains(key.Value))
                diagnostics.Add(KnownDiagnostics.UnknownRuleField, RuleLoader.At(path, key), key.Value, where, DidYouMean.Suggest(key.Value, allowed));
        }
    }

    public void Invalid(YamlNode node, string field, string expected) =>
        diagnostics.Add(KnownDiagnostics.InvalidFieldValue, RuleLoader.At(path, node), field, expected);

    public YamlScalar? Scalar(YamlMapping map, string field)
    {
        var node = map[field];
        switch (node)
        {
            case null:
                return null;
            case YamlScalar s when !s.IsNull:
                return s;
            case YamlScalar:
                return null;
            default:
                Invalid(node, field, "expected a single value, not a list or mapping");
                return null;
        }
    }

    public YamlMapping? Mapping(YamlMapping map, string field)
    {
        var node = map[field];
        if (node is null || node is YamlScalar { IsNull: true })
            return null;
        if (node is YamlMapping m)
            return m;
        Invalid(node, field, "expected a mapping");
        return null;
    }

    public ImmutableArray<YamlScalar> ScalarList(YamlMapping map, string field)
    {
        var node = map[field];
        if (node is null || node is YamlScalar { IsNull: true })
            return [];
        if (node is YamlSequence seq)
        {
            var b = ImmutableArray.CreateBuilder<YamlScalar>();
            foreach (var item in seq.Items)
            {
                if (item is YamlScalar s)
                    b.Add(s);
                else
                    Invalid(item, field, "each entry is a single value");
            }
            return b.ToImmutable();
        }
        Invalid(node, field, "expected a list");
        return [];
    }
}
