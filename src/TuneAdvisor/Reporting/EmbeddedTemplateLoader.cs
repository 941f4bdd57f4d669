using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TuneAdvisor.Reporting;

/// <summary>
/// Resolves <c>{{ include '_name.html' }}</c> to the embedded partial templates/_name.html.scriban. Partials start
/// with an underscore; any other name (or a path) is refused, so a template can only include its own partials.
/// </summary>
public sealed class EmbeddedTemplateLoader : ITemplateLoader
{
    public static EmbeddedTemplateLoader Instance { get; } = new();

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (templateName.Length < 2 || templateName[0] != '_' || !templateName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            throw new ScriptRuntimeException(callerSpan, $"'{templateName}' is not a partial template name (it must start with '_')");
        return "templates/" + templateName + ".scriban";
    }

    public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        Resources.EmbeddedResources.Read(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult(Load(context, callerSpan, templatePath));
}
