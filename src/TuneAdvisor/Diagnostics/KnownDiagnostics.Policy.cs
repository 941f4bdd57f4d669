
namespace TuneAdvisor.Diagnostics;

public static partial class KnownDiagnostics
{
    private const string Policy = "Policy";

    public static readonly DiagnosticDescriptor ConfigInvalid = new("TA0301", "Invalid configuration", "Invalid configuration: {0}", Severity.Error, Policy);
    public static readonly DiagnosticDescriptor WaiverExpired = new("TA0302", "Waiver expired", "Waiver for {0} expired on {1}; the finding counts again", Severity.Warning, Policy);
    public static readonly DiagnosticDescriptor UnknownRuleReference = new("TA0303", "Unknown rule id in configuration", "Configuration refers to '{0}', which is neither a loaded rule id nor a category{1}", Severity.Warning, Policy);

    public static readonly DiagnosticDescriptor WaiverWithoutExpiry = new("TA0304", "Waiver without expiry", "The waiver of {0} has no 'expires': it applies forever (give a date, or set requireWaiverExpiry: true to make this an error)", Severity.Warning, Policy);

    private static IEnumerable<DiagnosticDescriptor> PolicyDescriptors() => [ConfigInvalid, WaiverExpired, UnknownRuleReference, WaiverWithoutExpiry];
}
