using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TuneAdvisor.Reporting;

/// <summary>
/// A Scriban context that escapes every value a template writes (<c>{{ … }}</c>; the template's own text is not
/// touched) by the format's policy, so a template cannot forget to: escaping is the default, and only what the
/// template builds through its own functions is written as it is. Those are <c>include</c> (already escaped inside)
/// and, for Markdown, <c>md.code</c> and <c>md.cell_code</c> (a code span) and <c>md.line</c> (a code-block line).
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    private readonly TemplateEscaping _escaping;

    public EscapingTemplateContext(TemplateEscaping escaping)
    {
        _escaping = escaping;
        var include = BuiltinObject["include"] as IScriptCustomFunction ?? throw new InvalidOperationException("Scriban has no include function");
        BuiltinObject.SetValue("include", new TemplateFunction(include), true);
        if (escaping == TemplateEscaping.Markdown)
        {
            var md = new ScriptObject();
            md.SetValue("code", new TemplateFunction(t => MarkdownText.CodeSpan(t, inTable: false)), true);
            md.SetValue("cell_code", new TemplateFunction(t => MarkdownText.CodeSpan(t, inTable: true)), true);
            md.SetValue("line", new TemplateFunction(MarkdownText.CodeLine), true);
            BuiltinObject.SetValue("md", md, true);
        }
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case WrittenAsIs fragment:
                Write(fragment.Text);
                return this;
        }
        var text = ObjectToString(textAsObject);
        if (text is not null)
            Write(_escaping == TemplateEscaping.Markdown ? MarkdownText.Inline(text) : InertText.Escape(text, keepLineBreaks: true));
        return this;
    }

    /// <summary>Text a template function built and escaped itself.</summary>
    internal sealed record WrittenAsIs(string Text)
    {
        public override string ToString() => Text;
    }

    /// <summary>
    /// A one-argument string function whose result is written as it is (AOT-safe: no reflection over a delegate), or
    /// Scriban's include wrapped so that its already-escaped output is not escaped twice.
    /// </summary>
    private sealed class TemplateFunction : IScriptCustomFunction
    {
        private readonly Func<string, string>? _function;
        private readonly IScriptCustomFunction? _inner;

        public TemplateFunction(Func<string, string> function) => _function = function;

        public TemplateFunction(IScriptCustomFunction inner) => _inner = inner;

        public int RequiredParameterCount => _inner?.RequiredParameterCount ?? 1;

        public int ParameterCount => _inner?.ParameterCount ?? 1;

        public ScriptVarParamKind VarParamKind => _inner?.VarParamKind ?? ScriptVarParamKind.None;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => _inner?.GetParameterInfo(index) ?? new ScriptParameterInfo(typeof(object), "text");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (_inner is not null)
                return _inner.Invoke(context, callerContext, arguments, blockStatement) is string included ? new WrittenAsIs(included) : null;
            var value = arguments.Count > 0 ? context.ObjectToString(arguments[0]) ?? "" : "";
            return new WrittenAsIs(_function!(value));
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
