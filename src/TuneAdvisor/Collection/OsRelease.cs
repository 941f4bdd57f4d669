
namespace TuneAdvisor.Collection;

/// <summary>Reads PRETTY_NAME from an os-release file.</summary>
public static class OsRelease
{
    public static string? PrettyName(string path)
    {
        var text = ProcFile.TryRead(path, null);
        return text is null ? null : PrettyNameFromText(text);
    }

    /// <summary>PRETTY_NAME from the text of an os-release file, unquoted; null when absent.</summary>
    public static string? PrettyNameFromText(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                return line["PRETTY_NAME=".Length..].Trim('"', '\'');
        }
        return null;
    }
}
