using System.Collections.Immutable;

namespace TuneAdvisor.Diagnostics;

/// <summary>
/// Every TA0xxx diagnostic of the tool itself, declared once. Ranges: TA00xx rule files,
/// TA01xx the condition language, TA02xx inputs and collection, TA03xx policy and configuration (TA035x baselines).
/// Rule findings use TA1000 and above (see rules/ID-RANGES.txt).
/// </summary>
public static partial class KnownDiagnostics
{
    private const string RuleFiles = "RuleFiles";

    public static readonly DiagnosticDescriptor RuleFileUnreadable = new("TA0001", "Rule file unreadable", "Cannot read rule file: {0}", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor YamlSyntax = new("TA0002", "YAML syntax error", "YAML syntax error: {0}", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor UnknownRuleField = new("TA0003", "Unknown field", "Unknown field '{0}' in {1}{2}", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor MissingRuleField = new("TA0004", "Missing field", "Required field '{0}' is missing in {1}", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor InvalidFieldValue = new("TA0005", "Invalid field value", "Invalid value for '{0}': {1}", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor DuplicateRuleId = new("TA0006", "Duplicate rule id", "Rule id '{0}' is already defined in {1}", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor RuleIdOutOfRange = new("TA0007", "Rule id outside its category range", "Rule id '{0}' is outside the range {1} of category '{2}' (rules/ID-RANGES.txt)", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor MissingHelpPage = new("TA0008", "Missing help page", "Rule '{0}' has no help page '{1}'", Severity.Warning, RuleFiles);
    public static readonly DiagnosticDescriptor InvalidRuleId = new("TA0009", "Invalid rule id", "Rule id '{0}' must look like TA1234", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor RuleFileNameMismatch = new("TA0010", "File name does not start with the rule id", "File name '{0}' must start with the rule id '{1}'", Severity.Warning, RuleFiles);
    public static readonly DiagnosticDescriptor UnknownCategory = new("TA0011", "Unknown category", "Category '{0}' is not declared in rules/ID-RANGES.txt{1}", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor NoRulesFound = new("TA0012", "No rule files", "No rule files (*.yaml) found in '{0}'", Severity.Error, RuleFiles);
    public static readonly DiagnosticDescriptor RuleTestFailed = new("TA0013", "Rule test case failed", "Rule test case '{0}' failed: {1}", Severity.Error, RuleFiles);

    /// <summary>All descriptors, sorted by id (for documentation and SARIF tool metadata).</summary>
    public static ImmutableArray<DiagnosticDescriptor> All =>
        [.. RuleFileDescriptors(), .. ExpressionDescriptors(), .. InputDescriptors(), .. PolicyDescriptors(), .. BaselineDescriptors()];

    private static IEnumerable<DiagnosticDescriptor> RuleFileDescriptors() =>
    [
        RuleFileUnreadable, YamlSyntax, UnknownRuleField, MissingRuleField, InvalidFieldValue, DuplicateRuleId,
        RuleIdOutOfRange, MissingHelpPage, InvalidRuleId, RuleFileNameMismatch, UnknownCategory, NoRulesFound, RuleTestFailed,
    ];
}
