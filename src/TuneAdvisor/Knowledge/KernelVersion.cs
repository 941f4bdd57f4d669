using System.Globalization;

namespace TuneAdvisor.Knowledge;

/// <summary>
/// A kernel version as far as behaviour changes go: major.minor.patch, parsed from a release string such as
/// "6.1.0-18-amd64" or "4.19.0". Comparison ignores the distribution suffix; use <see cref="CompareReleases"/>
/// to order full release strings.
/// </summary>
public readonly record struct KernelVersion(int Major, int Minor, int Patch = 0) : IComparable<KernelVersion>
{
    public static bool TryParse(string? release, out KernelVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(release))
            return false;
        var numbers = new List<int>(3);
        int i = 0;
        var text = release.Trim();
        while (numbers.Count < 3 && i < text.Length && char.IsAsciiDigit(text[i]))
        {
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
            if (!int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return false;
            numbers.Add(n);
            if (i < text.Length && text[i] == '.')
                i++;
            else
                break;
        }
        if (numbers.Count < 2)
            return false;
        version = new KernelVersion(numbers[0], numbers[1], numbers.Count > 2 ? numbers[2] : 0);
        return true;
    }

    /// <summary>Parses "5.4" or "4.19.0"; throws on anything else (for tables written in code).</summary>
    public static KernelVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"not a kernel version: '{text}'");

    public int CompareTo(KernelVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static bool operator <(KernelVersion a, KernelVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(KernelVersion a, KernelVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(KernelVersion a, KernelVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(KernelVersion a, KernelVersion b) => a.CompareTo(b) >= 0;

    /// <summary>"5.4", or "4.19.5" when the patch level matters.</summary>
    public override string ToString() => Patch == 0 ? $"{Major}.{Minor}" : $"{Major}.{Minor}.{Patch}";

    /// <summary>
    /// Orders release strings by version, then by the rest compared "naturally" (digit runs as numbers), so
    /// "6.1.0-18-amd64" sorts after "6.1.0-9-amd64". Unparseable strings sort first.
    /// </summary>
    public static int CompareReleases(string a, string b)
    {
        bool pa = TryParse(a, out var va), pb = TryParse(b, out var vb);
        if (pa != pb)
            return pa ? 1 : -1;
        if (pa && va.CompareTo(vb) is var c and not 0)
            return c;
        return NaturalCompare(a, b);
    }

    private static int NaturalCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                int si = i, sj = j;
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                var na = a[si..i].TrimStart('0');
                var nb = b[sj..j].TrimStart('0');
                if (na.Length != nb.Length)
                    return na.Length.CompareTo(nb.Length);
                int c = string.CompareOrdinal(na, nb);
                if (c != 0)
                    return c;
                continue;
            }
            if (a[i] != b[j])
                return a[i].CompareTo(b[j]);
            i++;
            j++;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }
}
