using System.Globalization;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Configuration;

/// <summary>Turns a value source such as "etc/sysctl.d/60-x.conf:3" (optionally followed by " (…)") into a span at that line.</summary>
public static class LocationSpan
{
    public static SourceSpan Parse(string location)
    {
        var text = location;
        int paren = text.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0)
            text = text[..paren];
        int colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line > 0
            ? SourceSpan.At(text[..colon], line)
            : SourceSpan.File(text);
    }
}
