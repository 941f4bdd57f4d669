namespace TuneAdvisor.Reporting;

/// <summary>What every value a report template writes goes through, one policy per format (see <see cref="EscapingTemplateContext"/>).</summary>
public enum TemplateEscaping
{
    /// <summary>Values are HTML-escaped by the template (<c>| html.escape</c>); control characters are then escaped visibly, line breaks and tabs kept.</summary>
    Html,

    /// <summary><see cref="MarkdownText.Inline"/> for every value, unless the template asks for a code span or a code-block line (<c>md.code</c>, <c>md.cell_code</c>, <c>md.line</c>).</summary>
    Markdown,
}
