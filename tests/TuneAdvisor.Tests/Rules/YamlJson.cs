using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TuneAdvisor.Yaml;
using YamlDotNet.Core;

namespace TuneAdvisor.Tests.Rules;

/// <summary>
/// Converts the rule loader's YAML nodes to JSON the way a YAML 1.2 core-schema tool (yaml-language-server) types
/// plain scalars: null, true/false, integers and floats become JSON values; quoted and block scalars stay strings.
/// </summary>
internal static partial class YamlJson
{
    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, Convert(e.Value)))),
        YamlSequence s => new JsonArray(s.Items.Select(Convert).ToArray()),
        YamlScalar s => Scalar(s),
        _ => throw new ArgumentException("unknown YAML node " + node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalar s)
    {
        if (s.Style != ScalarStyle.Plain)
            return JsonValue.Create(s.Value);
        if (s.IsNull)
            return null;
        if (s.Value is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (s.Value is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (Integer().IsMatch(s.Value) && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return JsonValue.Create(n);
        if (Float().IsMatch(s.Value))
            return JsonValue.Create(double.Parse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
        return JsonValue.Create(s.Value);
    }
}
