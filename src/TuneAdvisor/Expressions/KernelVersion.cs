namespace TuneAdvisor.Expressions;

/// <summary>Parses kernel releases ("6.18.44-fc-v782", "4.18.0-80.11.2.el8_0.x86_64") into comparable versions.</summary>
public static class KernelVersion
{
    public static bool TryParse(string? release, out Version version)
    {
        version = new Version(0, 0);
        if (string.IsNullOrWhiteSpace(release))
            return false;
        var parts = new List<int>(3);
        int i = 0;
        var s = release.Trim();
        while (parts.Count < 3 && i < s.Length && char.IsAsciiDigit(s[i]))
        {
            int n = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                n = n * 10 + (s[i++] - '0');
            parts.Add(n);
            if (i < s.Length && s[i] == '.')
                i++;
            else
                break;
        }
        if (parts.Count < 2)
            return false;
        version = parts.Count == 3 ? new Version(parts[0], parts[1], parts[2]) : new Version(parts[0], parts[1]);
        return true;
    }

    /// <summary>Compares treating a missing build part as 0, so "5.4" == "5.4.0".</summary>
    public static int Compare(Version a, Version b)
    {
        int c = a.Major.CompareTo(b.Major);
        if (c != 0) return c;
        c = a.Minor.CompareTo(b.Minor);
        if (c != 0) return c;
        return Math.Max(a.Build, 0).CompareTo(Math.Max(b.Build, 0));
    }
}
