using System.Globalization;

namespace TuneAdvisor.Policy;

/// <summary>
/// A waiver's <c>expires</c>: a date (2027-01-31: the waiver stops applying at 00:00 UTC of that day, as before), or a
/// date-time with an explicit offset (2027-01-31T18:00:00+01:00, or Z for UTC). A date-time without an offset is
/// refused: read on machines in other time zones it would end at different instants.
/// </summary>
public static class WaiverExpiry
{
    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK"];

    public static bool TryParse(string text, out DateTimeOffset expires, out string why)
    {
        var t = text.Trim();
        why = "";
        if (DateTimeOffset.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out expires))
            return true;
        if (DateTimeOffset.TryParseExact(t, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out expires))
        {
            if (HasOffset(t))
                return true;
            why = $"expires '{text}' has a time but no offset; add one (Z for UTC, or +01:00), or give only the date";
            return false;
        }
        why = $"expires '{text}' is not a date like 2027-01-31 or a date-time with an offset like 2027-01-31T18:00:00+01:00";
        return false;
    }

    /// <summary>"2027-01-31" for a midnight-UTC date, else the instant with its offset ("2027-01-31 18:00 +01:00").</summary>
    public static string Format(DateTimeOffset expires) =>
        expires.Offset == TimeSpan.Zero && expires.TimeOfDay == TimeSpan.Zero
            ? expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : expires.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static bool HasOffset(string t) =>
        t.EndsWith('Z') || t.EndsWith('z')
        || t.Length > 6 && (t[^6] is '+' or '-') && t[^3] == ':' && char.IsAsciiDigit(t[^1]);
}
