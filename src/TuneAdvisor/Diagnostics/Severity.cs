
namespace TuneAdvisor.Diagnostics;

/// <summary>Severity of a diagnostic or finding, ordered from least to most severe.</summary>
public enum Severity
{
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.None => "none",
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none": severity = Severity.None; return true;
            case "info": case "note": case "suggestion": severity = Severity.Info; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "error": case "critical": severity = Severity.Error; return true;
            default: severity = Severity.None; return false;
        }
    }
}
