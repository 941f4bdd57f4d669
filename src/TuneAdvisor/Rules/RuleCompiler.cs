using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Binding;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Rules;

/// <summary>
/// Checks every field of a <see cref="RuleDocument"/> and compiles its condition, escalations, message and
/// remediation once. A rule with any error is reported and returned as null: never half-run.
/// </summary>
public static partial class RuleCompiler
{
    [GeneratedRegex("^TA[0-9]{4}$")]
    private static partial Regex IdPattern();

    /// <param name="helpLookup">Finds a help page by name beside the rule: returns (display path, text) or null.</param>
    public static Rule? Compile(RuleDocument doc, IdRanges ranges, Func<string, (string Path, string Text)?> helpLookup, DiagnosticBag diagnostics)
    {
        var errorsBefore = ErrorCount(diagnostics);
        var path = doc.Path;
        var id = Required(doc.Id, "id", doc, diagnostics);
        var title = Required(doc.Title, "title", doc, diagnostics);
        var category = Required(doc.Category, "category", doc, diagnostics);
        var scopeName = Required(doc.Scope, "scope", doc, diagnostics);
        Required(doc.Condition, "condition", doc, diagnostics);
        Required(doc.Message, "message", doc, diagnostics);
        Required(doc.Severity, "severity", doc, diagnostics);

        if (id is not null)
            CheckId(doc, id, category, ranges, diagnostics);

        var severity = Severity.Warning;
        if (doc.Severity is { } sev && !SeverityNames.TryParse(sev.Value, out severity))
            Invalid(diagnostics, path, sev, "severity", "one of error, warning, info, none");

        bool enabled = true;
        if (doc.EnabledByDefault is { } en && !bool.TryParse(en.Value, out enabled))
            Invalid(diagnostics, path, en, "enabledByDefault", "true or false");

        var scope = scopeName is null ? null : Scopes.Find(scopeName);
        if (scopeName is not null && scope is null)
            diagnostics.Add(KnownDiagnostics.InvalidFieldValue, RuleLoader.At(path, doc.Scope!), "scope",
                $"'{scopeName}' is not a scope (known: {string.Join(", ", Scopes.All.Select(s => s.Name))}){DidYouMean.Suggest(scopeName, Scopes.All.Select(s => s.Name))}");

        KernelRange? kernel = null;
        if (doc.Kernel is { } k && (kernel = KernelRange.TryParse(k.Value, out var kernelError)) is null)
            Invalid(diagnostics, path, k, "kernel", kernelError!);

        var (optionTypes, optionDefaults, options) = CompileOptions(doc, diagnostics);

        var help = ResolveHelp(doc, id, helpLookup, diagnostics);

        if (scope is null || doc.Condition is null || doc.Message is null || id is null)
            return null;

        var conditionSource = ScalarSource.For(doc.Condition, doc.Text, path);
        var condition = Binder.Compile(conditionSource, scope, optionTypes, diagnostics, out var binder);
        if (condition.Type != ExprType.Error && condition.Type != ExprType.Boolean)
            diagnostics.Add(KnownDiagnostics.ConditionNotBoolean, conditionSource.Map(condition.Span), condition.Type);

        BoundExpression? where = null;
        var requirements = binder.Requirements.ToList();
        if (doc.Where is { } whereScalar)
        {
            var whereSource = ScalarSource.For(whereScalar, doc.Text, path);
            where = Binder.Compile(whereSource, scope, optionTypes, diagnostics, out var whereBinder);
            if (where.Type != ExprType.Error && where.Type != ExprType.Boolean)
                diagnostics.Add(KnownDiagnostics.ConditionNotBoolean, whereSource.Map(where.Span), where.Type);
            requirements.AddRange(whereBinder.Requirements);
        }

        var escalations = ImmutableArray.CreateBuilder<(BoundExpression, Severity)>();
        foreach (var e in doc.Escalate)
        {
            if (e.When is null || e.Severity is null)
            {
                diagnostics.Add(KnownDiagnostics.MissingRuleField, RuleLoader.At(path, e.Node), e.When is null ? "when" : "severity", "an escalation");
                continue;
            }
            if (!SeverityNames.TryParse(e.Severity.Value, out var escalated))
                Invalid(diagnostics, path, e.Severity, "escalate.severity", "one of error, warning, info");
            var when = Binder.Compile(ScalarSource.For(e.When, doc.Text, path), scope, optionTypes, diagnostics, out _);
            if (when.Type != ExprType.Error && when.Type != ExprType.Boolean)
                diagnostics.Add(KnownDiagnostics.ConditionNotBoolean, RuleLoader.At(path, e.When), when.Type);
            escalations.Add((when, escalated));
        }

        var message = MessageTemplate.Compile(ScalarSource.For(doc.Message, doc.Text, path), scope, optionTypes, diagnostics);
        var remediation = CompileRemediation(doc, scope, optionTypes, diagnostics);

        if (ErrorCount(diagnostics) > errorsBefore)
            return null;

        var descriptor = new RuleDescriptor
        {
            Id = id,
            Title = title!,
            MessageFormat = doc.Message.Value,
            Category = category!,
            DefaultSeverity = severity,
            EnabledByDefault = enabled,
            Scope = scope.Name,
            Where = doc.Where?.Value.Trim(),
            Condition = doc.Condition.Value.Trim(),
            Path = path,
            HelpPath = help?.Path,
            HelpText = help?.Text,
            Tags = doc.Tags.Select(t => t.Value).ToImmutableArray(),
            References = doc.References.Select(r => r.Value).ToImmutableArray(),
            Since = doc.Since?.Value,
            Kernel = doc.Kernel?.Value,
            Options = options,
            Remediation = remediation,
        };
        return new Rule
        {
            Descriptor = descriptor,
            Scope = scope,
            Where = where,
            Condition = condition,
            Message = message,
            Escalations = escalations.ToImmutable(),
            OptionTypes = optionTypes,
            OptionDefaults = optionDefaults,
            Requirements = requirements.Distinct().OrderBy(r => r.What, StringComparer.Ordinal).ToImmutableArray(),
            Evidence = binder.Evidence.ToImmutableArray(),
            Kernel = kernel,
        };
    }

    private static int ErrorCount(DiagnosticBag bag) => bag.ToImmutableSorted().Count(d => d.Severity == Severity.Error);

    private static string? Required(YamlScalar? scalar, string field, RuleDocument doc, DiagnosticBag diagnostics)
    {
        if (scalar is not null && scalar.Value.Trim().Length > 0)
            return scalar.Value.Trim();
        diagnostics.Add(KnownDiagnostics.MissingRuleField, scalar is null ? SourceSpan.At(doc.Path, 1) : RuleLoader.At(doc.Path, scalar), field, "a rule");
        return null;
    }

    private static void Invalid(DiagnosticBag diagnostics, string path, YamlScalar at, string field, string expected) =>
        diagnostics.Add(KnownDiagnostics.InvalidFieldValue, RuleLoader.At(path, at), field, expected);

    private static void CheckId(RuleDocument doc, string id, string? category, IdRanges ranges, DiagnosticBag diagnostics)
    {
        var at = RuleLoader.At(doc.Path, doc.Id!);
        if (!IdPattern().IsMatch(id))
        {
            diagnostics.Add(KnownDiagnostics.InvalidRuleId, at, id);
            return;
        }
        var fileName = Path.GetFileName(doc.Path);
        if (!fileName.StartsWith(id, StringComparison.Ordinal))
            diagnostics.Add(KnownDiagnostics.RuleFileNameMismatch, at, fileName, id);
        if (category is null)
            return;
        if (!ranges.Categories.TryGetValue(category, out var range))
        {
            diagnostics.Add(KnownDiagnostics.UnknownCategory, RuleLoader.At(doc.Path, doc.Category!), category, DidYouMean.Suggest(category, ranges.Categories.Keys));
            return;
        }
        IdRanges.TryNumber(id, out var number);
        if (number < range.First || number > range.Last)
            diagnostics.Add(KnownDiagnostics.RuleIdOutOfRange, at, id, $"{IdRanges.Format(range.First)}-{IdRanges.Format(range.Last)}", category);
    }

    private static (string Path, string Text)? ResolveHelp(RuleDocument doc, string? id, Func<string, (string Path, string Text)?> lookup, DiagnosticBag diagnostics)
    {
        var name = doc.Help?.Value ?? Path.ChangeExtension(Path.GetFileName(doc.Path), ".md");
        var help = lookup(name);
        if (help is null && id is not null)
            diagnostics.Add(KnownDiagnostics.MissingHelpPage, doc.Help is null ? RuleLoader.At(doc.Path, doc.Id!) : RuleLoader.At(doc.Path, doc.Help), id, name);
        return help;
    }
}
