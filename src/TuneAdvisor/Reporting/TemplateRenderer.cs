using Scriban;
using Scriban.Runtime;

namespace TuneAdvisor.Reporting;

/// <summary>
/// Renders the embedded Scriban templates (templates/*.scriban) against a <see cref="ReportModel"/>. Never cut
/// short: Scriban truncates its output at <c>LimitToString</c> (1 048 576 characters) by default, silently, so a large
/// host's report lost findings the exit code still counted and HTML lost its closing tags. Here there is no limit
/// on conversions, and the output limit is the longest string .NET can hold with <see cref="ScriptLimitBehavior.Throw"/>:
/// a report is complete or it is an error, never shorter.
/// </summary>
public static class TemplateRenderer
{
    /// <summary>The most characters a report may have (the length limit of a .NET string).</summary>
    public const int MaxOutputCharacters = 0x3FFFFFDF;

    public static string Render(string templateName, ScriptObject model, TemplateEscaping escaping)
    {
        var name = "templates/" + templateName;
        var text = Resources.EmbeddedResources.Read(name) ?? throw new InvalidOperationException($"template {name} is not embedded");
        var template = Template.Parse(text, name);
        if (template.HasErrors)
            throw new InvalidOperationException($"template {name} has errors: {string.Join("; ", template.Messages)}");
        var context = new EscapingTemplateContext(escaping)
        {
            StrictVariables = true, MemberRenamer = m => m.Name, LoopLimit = 0, TemplateLoader = EmbeddedTemplateLoader.Instance,
            LimitToString = 0, OutputLimit = MaxOutputCharacters, OnOutputLimit = ScriptLimitBehavior.Throw,
        };
        context.PushGlobal(model);
        return template.Render(context);
    }
}
