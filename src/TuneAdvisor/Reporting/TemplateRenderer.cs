using Scriban;
using Scriban.Runtime;

namespace TuneAdvisor.Reporting;

/// <summary>Renders the embedded Scriban templates (templates/*.scriban) against a <see cref="ReportModel"/>.</summary>
public static class TemplateRenderer
{
    public static string Render(string templateName, ScriptObject model)
    {
        var name = "templates/" + templateName;
        var text = Resources.EmbeddedResources.Read(name) ?? throw new InvalidOperationException($"template {name} is not embedded");
        var template = Template.Parse(text, name);
        if (template.HasErrors)
            throw new InvalidOperationException($"template {name} has errors: {string.Join("; ", template.Messages)}");
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = m => m.Name, LoopLimit = 0, TemplateLoader = EmbeddedTemplateLoader.Instance };
        context.PushGlobal(model);
        return template.Render(context);
    }
}
