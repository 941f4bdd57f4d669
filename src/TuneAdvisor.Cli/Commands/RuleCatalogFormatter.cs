using System.Text;
using System.Text.Json;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Cli.Commands;

/// <summary>Renders rule descriptors for `rules list` and `rules show`.</summary>
internal static class RuleCatalogFormatter
{
    public static string Format(IEnumerable<RuleDescriptor> rules, string format)
    {
        var list = rules.ToList();
        var sb = new StringBuilder();
        switch (format)
        {
            case "json":
                using (var stream = new MemoryStream())
                {
                    using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                    {
                        w.WriteStartArray();
                        foreach (var r in list)
                        {
                            w.WriteStartObject();
                            w.WriteString("id", r.Id);
                            w.WriteString("title", r.Title);
                            w.WriteString("category", r.Category);
                            w.WriteString("severity", r.DefaultSeverity.ToName());
                            w.WriteBoolean("enabledByDefault", r.EnabledByDefault);
                            w.WriteString("scope", r.Scope);
                            if (r.Where is not null)
                                w.WriteString("where", r.Where);
                            w.WriteString("condition", r.Condition);
                            w.WriteString("path", r.Path);
                            w.WriteString("help", r.HelpPath);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    }
                    return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
                }
            case "md":
                sb.AppendLine("| Rule ID | Severity | Category | Scope | Title |");
                sb.AppendLine("|---|---|---|---|---|");
                foreach (var r in list)
                    sb.AppendLine($"| {r.Id} | {r.DefaultSeverity.ToName()} | {r.Category} | {r.Scope} | {r.Title} |");
                return sb.ToString();
            default:
                foreach (var r in list)
                    sb.AppendLine($"{r.Id}  {r.DefaultSeverity.ToName(),-7}  {r.Category,-10}  {r.Scope,-10}  {r.Title}{(r.EnabledByDefault ? "" : "  (disabled by default)")}");
                return sb.ToString();
        }
    }

    public static string Show(RuleDescriptor r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{r.Id}: {r.Title}");
        sb.AppendLine($"  category:  {r.Category}");
        sb.AppendLine($"  severity:  {r.DefaultSeverity.ToName()}{(r.EnabledByDefault ? "" : " (disabled by default)")}");
        sb.AppendLine($"  scope:     {r.Scope}");
        if (r.Where is not null)
            sb.AppendLine($"  where:     {r.Where}");
        sb.AppendLine($"  condition: {r.Condition}");
        sb.AppendLine($"  message:   {r.MessageFormat.Trim()}");
        if (r.Kernel is not null) sb.AppendLine($"  kernel:    {r.Kernel}");
        sb.AppendLine($"  file:      {r.Path}");
        foreach (var o in r.Options)
            sb.AppendLine($"  option {o.Name} ({o.Type}, default {o.Default}): {o.Description}");
        foreach (var reference in r.References)
            sb.AppendLine($"  see: {reference}");
        if (r.HelpText is not null)
        {
            sb.AppendLine();
            sb.AppendLine(r.HelpText.TrimEnd());
        }
        return sb.ToString();
    }
}
