namespace TuneAdvisor.Collection;

/// <summary>Reads PRETTY_NAME from an os-release file.</summary>
public static class OsRelease
{
    public static string? PrettyName(string path)
    {
        var text = ProcFile.TryRead(path, null);
        if (text is null)
            return null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                return line["PRETTY_NAME=".Length..].Trim('"', '\'');
        }
        return null;
    }
}
