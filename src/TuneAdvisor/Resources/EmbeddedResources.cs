
namespace TuneAdvisor.Resources;

/// <summary>
/// The files built into the library (see TuneAdvisor.csproj): the built-in rules with their help pages and tests
/// ("rules/…"), rules/ID-RANGES.txt, and the report templates ("templates/…"). Rules and Reporting both read them
/// here, so neither loads through the other.
/// </summary>
public static class EmbeddedResources
{
    private static readonly System.Reflection.Assembly Self = typeof(EmbeddedResources).Assembly;

    /// <summary>Every embedded name, in ordinal order.</summary>
    public static IEnumerable<string> Names => Self.GetManifestResourceNames().Order(StringComparer.Ordinal);

    /// <summary>The text of an embedded file, or null when there is none by that name.</summary>
    public static string? Read(string name)
    {
        using var stream = Self.GetManifestResourceStream(name);
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
