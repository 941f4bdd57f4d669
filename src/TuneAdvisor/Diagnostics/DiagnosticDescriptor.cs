
namespace TuneAdvisor.Diagnostics;

/// <summary>
/// Declares a diagnostic once: its id, default severity and a composite-format message
/// (arguments are substituted with <see cref="string.Format(IFormatProvider, string, object[])"/>).
/// </summary>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, Severity DefaultSeverity, string Category);
