using System.Globalization;

namespace TuneAdvisor.Diagnostics;

/// <summary>A problem found while loading rules, reading input or collecting data. A value, never an exception.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceSpan Span, string Message, Severity Severity)
{
    public string Id => Descriptor.Id;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        new(descriptor, span, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args), descriptor.DefaultSeverity);

    /// <summary><c>path(line,col): error TA0103: message</c>, as compilers print it.</summary>
    public override string ToString() => $"{Span}: {Severity.ToName()} {Id}: {Message}";
}
