
namespace TuneAdvisor.Diagnostics;

public static partial class KnownDiagnostics
{
    private const string Input = "Input";

    public static readonly DiagnosticDescriptor InputUnreadable = new("TA0201", "Input unreadable", "Cannot read input: {0}", Severity.Error, Input);
    public static readonly DiagnosticDescriptor InputUnrecognized = new("TA0202", "Input of no known kind", "Not a known kind of input ({0})", Severity.Error, Input);
    public static readonly DiagnosticDescriptor InputLineSkipped = new("TA0203", "Line skipped", "Line skipped: {0}", Severity.Warning, Input);
    public static readonly DiagnosticDescriptor SourceUnavailable = new("TA0204", "Data source unavailable", "{0}", Severity.Warning, Input);
    public static readonly DiagnosticDescriptor PermissionDenied = new("TA0205", "Permission denied", "{0}: permission denied; recorded as unknown", Severity.Info, Input);
    public static readonly DiagnosticDescriptor SnapshotInvalid = new("TA0206", "Invalid snapshot", "Invalid snapshot: {0}", Severity.Error, Input);
    public static readonly DiagnosticDescriptor TruncatedInput = new("TA0207", "Truncated input", "Input is truncated: {0}", Severity.Warning, Input);
    public static readonly DiagnosticDescriptor MergeDisagreement = new("TA0208", "systemd-sysctl and sysctl --system disagree", "{0}", Severity.Info, Input);
    public static readonly DiagnosticDescriptor InputNote = new("TA0209", "Note about the input", "{0}", Severity.Info, Input);
    public static readonly DiagnosticDescriptor CollectorFailed = new("TA0210", "Collector failed", "{0}", Severity.Warning, Input);
    /// <summary>Raw captures hold several hosts (labelled blocks, differing host names or kernels): they are never merged into one.</summary>
    public static readonly DiagnosticDescriptor InputSeveralHosts = new("TA0211", "Captures of several hosts", "{0}", Severity.Error, Input);

    private static IEnumerable<DiagnosticDescriptor> InputDescriptors() =>
    [
        InputUnreadable, InputUnrecognized, InputLineSkipped, SourceUnavailable, PermissionDenied, SnapshotInvalid,
        TruncatedInput, MergeDisagreement, InputNote, CollectorFailed, InputSeveralHosts,
    ];
}
