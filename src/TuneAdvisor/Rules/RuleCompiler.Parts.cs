using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Binding;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Expressions.Syntax;
using YamlDotNet.Core;

namespace TuneAdvisor.Rules;

public static partial class RuleCompiler
{
    private static readonly ScopeDefinition LiteralScope = Scopes.Host;

    /// <summary>Types each option from its default literal (90% is Percent, 1024 Integer, 5s Duration, "fq" String).</summary>
    private static (ImmutableDictionary<string, ExprType>, ImmutableDictionary<string, Value>, ImmutableArray<RuleOption>) CompileOptions(RuleDocument doc, DiagnosticBag diagnostics)
    {
        var types = ImmutableDictionary.CreateBuilder<string, ExprType>(StringComparer.Ordinal);
        var defaults = ImmutableDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        var described = ImmutableArray.CreateBuilder<RuleOption>();
        foreach (var option in doc.Options)
        {
            var name = option.Name.Value;
            if (option.Default is null)
            {
                diagnostics.Add(KnownDiagnostics.MissingRuleField, RuleLoader.At(doc.Path, option.Name), "default", $"option '{name}'");
                continue;
            }
            if (ParseOptionLiteral(option.Default, doc, diagnostics) is not { } typed)
                continue;
            types[name] = typed.Type;
            defaults[name] = typed.Value;
            described.Add(new RuleOption(name, typed.Type.Name, option.Default.Value, option.Description?.Value ?? ""));
        }
        return (types.ToImmutable(), defaults.ToImmutable(), described.ToImmutable());
    }

    /// <summary>Parses an option value (a rule's default or a user's override) as a constant literal.</summary>
    public static (ExprType Type, Value Value)? ParseOptionLiteral(Yaml.YamlScalar scalar, RuleDocument doc, DiagnosticBag diagnostics)
    {
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
            return (ExprType.String, Value.FromString(scalar.Value));
        return ParseLiteral(ScalarSource.For(scalar, doc.Text, doc.Path), diagnostics);
    }

    public static (ExprType Type, Value Value)? ParseLiteral(ExpressionSource source, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var bound = Binder.Compile(source, LiteralScope, ImmutableDictionary<string, ExprType>.Empty, local, out _);
        if (!local.HasErrors && bound.Constant is { } constant)
            return (bound.Type, constant);
        if (!local.HasErrors && bound.Type.IsNumeric)
        {
            // A negative literal (-1) is a unary minus over a constant: evaluate it once.
            var v = bound.Eval(new EvalContext(EmptySnapshot.Instance, ImmutableDictionary<string, Value>.Empty));
            if (!v.IsUnknown)
                return (bound.Type, v);
        }
        if (!local.HasErrors && source.Text.Trim().Length > 0 && bound.Type != ExprType.Error)
        {
            diagnostics.Add(KnownDiagnostics.InvalidLiteral, source.Map(bound.Span), source.Text.Trim(), "an option value must be a literal (1024, 90%, 5s, 16MiB, true, \"text\")");
            return null;
        }
        // A bare word such as fq or bbr is a string.
        var word = source.Text.Trim();
        if (word.Length > 0 && word.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.'))
            return (ExprType.String, Value.FromString(word));
        diagnostics.AddRange(local.ToImmutableSorted());
        return null;
    }

    private static RemediationTemplate? CompileRemediation(RuleDocument doc, ScopeDefinition scope, ImmutableDictionary<string, ExprType> options, DiagnosticBag diagnostics)
    {
        if (doc.Remediation is not { } r)
            return null;
        MessageTemplate Template(Yaml.YamlScalar s) => MessageTemplate.Compile(ScalarSource.For(s, doc.Text, doc.Path), scope, options, diagnostics);
        return new RemediationTemplate(
            r.Summary is null ? null : Template(r.Summary),
            r.Sysctls.Select(kv => (Knowledge.SysctlKey.Normalize(kv.Key.Value), Template(kv.Value))).ToImmutableArray(),
            r.Commands.Select(Template).ToImmutableArray(),
            r.Hints.Select(Template).ToImmutableArray());
    }
}
