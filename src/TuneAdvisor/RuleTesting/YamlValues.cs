using System.Globalization;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.RuleTesting;

/// <summary>Typed reads of YAML scalars for test-case fragments; a value that does not parse is reported by the caller.</summary>
internal static class YamlValues
{
    public static string? Str(YamlMapping m, string key) => m[key] is YamlScalar { IsNull: false } s ? s.Value : null;

    public static long? Long(YamlMapping m, string key) =>
        m[key] is YamlScalar { IsNull: false } s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static double? Double(YamlMapping m, string key) =>
        m[key] is YamlScalar { IsNull: false } s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static bool? Bool(YamlMapping m, string key) =>
        m[key] is YamlScalar { IsNull: false } s && bool.TryParse(s.Value, out var v) ? v : null;

    public static IEnumerable<YamlMapping> Maps(YamlMapping m, string key) =>
        m[key] is YamlSequence seq ? seq.Items.OfType<YamlMapping>() : [];

    public static IEnumerable<(string Key, string Value)> Pairs(YamlMapping m, string key) =>
        m[key] is YamlMapping map ? map.Entries.Where(e => e.Value is YamlScalar).Select(e => (e.Key.Value, ((YamlScalar)e.Value).Value)) : [];

    public static IEnumerable<string> Strings(YamlMapping m, string key) =>
        m[key] switch
        {
            YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => s.Value),
            YamlScalar { IsNull: false } s => [s.Value],
            _ => [],
        };
}
