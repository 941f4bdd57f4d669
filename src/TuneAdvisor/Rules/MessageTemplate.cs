using System.Collections.Immutable;
using System.Text;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Binding;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Rules;

/// <summary>
/// A message with <c>{expression}</c> holes, compiled once against the rule's scope. <c>{{</c> and <c>}}</c> are
/// literal braces. Unknown values render as "unknown".
/// </summary>
public sealed class MessageTemplate
{
    private readonly ImmutableArray<(string? Text, BoundExpression? Hole)> _parts;

    private MessageTemplate(ImmutableArray<(string?, BoundExpression?)> parts) => _parts = parts;

    public static MessageTemplate Literal(string text) => new([(text, null)]);

    public static MessageTemplate Compile(ExpressionSource source, ScopeDefinition scope, IReadOnlyDictionary<string, ExprType> options, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var parts = ImmutableArray.CreateBuilder<(string?, BoundExpression?)>();
        var literal = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c != '{') { literal.Append(c); continue; }
            int close = FindClose(text, i + 1);
            if (close < 0)
            {
                diagnostics.Add(KnownDiagnostics.MessageHoleError, source.Map(new TextSpan(i, 1)), "'{' has no matching '}' (write '{{' for a literal brace)");
                literal.Append(text[i..]);
                break;
            }
            if (literal.Length > 0) { parts.Add((literal.ToString(), null)); literal.Clear(); }
            var inner = new ExpressionSource(text[(i + 1)..close], source.Path, offset => MapInner(source, i + 1 + offset));
            var syntax = Parser.Parse(inner, diagnostics);
            var hole = new Binder(scope, options, inner, diagnostics).Bind(syntax);
            parts.Add((null, hole));
            i = close;
        }
        if (literal.Length > 0)
            parts.Add((literal.ToString(), null));
        return new MessageTemplate(parts.ToImmutable());
    }

    private static (int, int) MapInner(ExpressionSource outer, int offset)
    {
        var span = outer.Map(new TextSpan(offset, 0));
        return (span.Line, span.Column);
    }

    private static int FindClose(string text, int from)
    {
        bool inString = false;
        char quote = '\0';
        for (int i = from; i < text.Length; i++)
        {
            char c = text[i];
            if (inString) { if (c == quote) inString = false; continue; }
            if (c is '"' or '\'') { inString = true; quote = c; continue; }
            if (c == '}') return i;
        }
        return -1;
    }

    public string Render(EvalContext context)
    {
        var sb = new StringBuilder();
        foreach (var (text, hole) in _parts)
        {
            if (text is not null)
                sb.Append(text);
            else
                sb.Append(hole!.Eval(context).Format(hole.Type));
        }
        return sb.ToString().Trim();
    }
}
