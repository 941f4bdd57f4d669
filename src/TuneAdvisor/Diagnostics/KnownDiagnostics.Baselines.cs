
namespace TuneAdvisor.Diagnostics;

public static partial class KnownDiagnostics
{
    private const string Baselines = "Baselines";

    // TA035x: baseline files (--baseline, --write-baseline), within the policy and configuration range.
    public static readonly DiagnosticDescriptor BaselineUnreadable = new("TA0351", "Baseline file unreadable", "Cannot read the baseline file: {0}", Severity.Error, Baselines);
    public static readonly DiagnosticDescriptor BaselineInvalid = new("TA0352", "Invalid baseline file", "Invalid baseline file: {0}", Severity.Error, Baselines);
    public static readonly DiagnosticDescriptor BaselineNotWritten = new("TA0353", "Baseline not written", "Cannot write the baseline file: {0}", Severity.Error, Baselines);

    private static IEnumerable<DiagnosticDescriptor> BaselineDescriptors() => [BaselineUnreadable, BaselineInvalid, BaselineNotWritten];
}
