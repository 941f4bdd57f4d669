using System.Text;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Policy;

namespace TuneAdvisor.Cli.Commands;

/// <summary>`rules presets`: each built-in preset with its description and every choice it makes, with why.</summary>
internal static class PresetCatalogFormatter
{
    public static string Format(IEnumerable<(string Name, PolicyLayer Layer)> presets, string format)
    {
        var w = new StringBuilder();
        foreach (var (name, layer) in presets)
        {
            var choices = Choices(layer).ToList();
            if (format == "md")
            {
                w.Append("### `").Append(name).Append("`\n\n").Append(layer.Description).Append("\n\n");
                w.Append("| Setting | Value | Why |\n|---|---|---|\n");
                foreach (var (setting, value, why) in choices)
                    w.Append("| ").Append(setting).Append(" | ").Append(value).Append(" | ").Append(why?.Replace("|", "\\|")).Append(" |\n");
                w.Append('\n');
            }
            else
            {
                w.Append(name).Append('\n').Append("  ").Append(layer.Description).Append('\n');
                foreach (var (setting, value, why) in choices)
                    w.Append("  ").Append($"{setting} {value}".PadRight(28)).Append(' ').Append(why).Append('\n');
                w.Append('\n');
            }
        }
        return w.ToString();
    }

    private static IEnumerable<(string Setting, string Value, string? Why)> Choices(PolicyLayer layer)
    {
        if (layer.Extends is { IsEmpty: false } extends)
            yield return ("extends", string.Join(", ", extends.Select(e => e.Value)), null);
        if (layer.FailOn is { } failOn)
            yield return ("failOn", failOn.Value.ToName(), failOn.Why);
        foreach (var s in layer.Body.Severities)
            yield return ($"severity {s.Key}", s.Level.Value.ToName(), s.Level.Why);
        foreach (var o in layer.Body.Options)
            yield return ($"option {o.RuleId}.{o.Option}", o.Written, o.Value.Why);
        foreach (var s in layer.Body.Switches.OrderBy(s => s.On.Value ? 0 : 1))
            yield return (s.On.Value ? "enable" : "disable", s.Key, s.On.Why);
    }
}
