
namespace TuneAdvisor.Diagnostics;

public static partial class KnownDiagnostics
{
    private const string Language = "ConditionLanguage";

    public static readonly DiagnosticDescriptor UnexpectedCharacter = new("TA0101", "Unexpected character", "Unexpected character '{0}'", Severity.Error, Language);
    public static readonly DiagnosticDescriptor SyntaxError = new("TA0102", "Syntax error", "{0}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor BinaryOperatorMismatch = new("TA0103", "Operator cannot be applied", "Operator '{0}' cannot be applied to {1} and {2}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor UnknownName = new("TA0104", "Unknown name", "Unknown name '{0}'{1}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor UnknownMember = new("TA0105", "Unknown member", "'{0}' has no member '{1}'{2}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor UnknownFunction = new("TA0106", "Unknown function", "Unknown function '{0}'{1}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor WrongArgumentCount = new("TA0107", "Wrong number of arguments", "Function '{0}' takes {1} argument(s), not {2}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor ArgumentTypeMismatch = new("TA0108", "Argument type mismatch", "Argument {0} of '{1}' must be {2}, not {3}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor UnknownSysctlKey = new("TA0109", "Unknown sysctl key", "Unknown sysctl key '{0}'{1}", Severity.Warning, Language);
    public static readonly DiagnosticDescriptor UnknownCounter = new("TA0110", "Unknown counter", "Unknown counter '{0}'{1}", Severity.Warning, Language);
    public static readonly DiagnosticDescriptor ConditionNotBoolean = new("TA0111", "Condition is not Boolean", "A condition must be Boolean, not {0}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor InvalidLiteral = new("TA0112", "Invalid literal", "Invalid literal '{0}': {1}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor UnknownOption = new("TA0113", "Unknown option", "Rule has no option '{0}'{1}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor NameNotInScope = new("TA0114", "Name not available in this scope", "'{0}' is not available in scope '{1}'; it needs scope '{2}'", Severity.Error, Language);
    public static readonly DiagnosticDescriptor UnaryOperatorMismatch = new("TA0115", "Unary operator cannot be applied", "Operator '{0}' cannot be applied to {1}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor NotSampled = new("TA0116", "Not a sampled value", "'{0}' needs a counter or sampled member, not {1}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor MessageHoleError = new("TA0117", "Invalid message hole", "Invalid message hole: {0}", Severity.Error, Language);
    public static readonly DiagnosticDescriptor InvalidFilter = new("TA0118", "Invalid filter", "'where' needs {0}, not {1}", Severity.Error, Language);

    private static IEnumerable<DiagnosticDescriptor> ExpressionDescriptors() =>
    [
        UnexpectedCharacter, SyntaxError, BinaryOperatorMismatch, UnknownName, UnknownMember, UnknownFunction,
        WrongArgumentCount, ArgumentTypeMismatch, UnknownSysctlKey, UnknownCounter, ConditionNotBoolean, InvalidLiteral,
        UnknownOption, NameNotInScope, UnaryOperatorMismatch, NotSampled, MessageHoleError, InvalidFilter,
    ];
}
