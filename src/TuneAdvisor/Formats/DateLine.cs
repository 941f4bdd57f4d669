using System.Globalization;
using System.Text.RegularExpressions;

namespace TuneAdvisor.Formats;

/// <summary>
/// A line printed by `date` inside a paste ("Thu Mar  5 10:12:01 CST 2020", "Tue, 05 May 2020 02:00:01 +0000",
/// "2020-05-05T02:00:01+00:00", "2020-05-05 02:00:01", "mar. 05 mai 2020 02:00:01 UTC", "2020年  5月  5日 火曜日 02:00:01 UTC").
/// A line is a date line when it holds a clock time and a year and every other word is a date word (weekday, month,
/// day, zone, AM/PM), so a counter line is never taken for one. The time is read when the month is an English name or
/// a number; a numeric zone offset is kept; a zone abbreviation ("CST" is three different zones) is not resolved and
/// the time is read as UTC: two runs of one paste share their zone, and only the interval between them is used.
/// </summary>
public static partial class DateLine
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2}):(?<s>\d{2})(?:[.,]\d+)?$")]
    private static partial Regex Clock();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[T ](?<time>\d{2}:\d{2}:\d{2}(?:[.,]\d+)?)(?<z>Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^[+-]\d{2}:?\d{2}$")]
    private static partial Regex Offset();

    /// <summary>Whether the line is `date` output; <paramref name="time"/> is its time when it could be read.</summary>
    public static bool TryRead(string line, out DateTimeOffset? time)
    {
        time = null;
        var words = line.Replace(",", " ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 9)
            return false;
        int? year = null, month = null, day = null, hour = null, minute = null, second = null;
        TimeSpan offset = TimeSpan.Zero;
        bool pm = false, am = false, foreignWord = false, monthByName = false;
        foreach (var raw in words)
        {
            var w = raw.TrimEnd('.');
            if (Iso().Match(raw) is { Success: true } iso)
            {
                year = Int(iso.Groups["y"].Value);
                month = Int(iso.Groups["mo"].Value);
                day = Int(iso.Groups["d"].Value);
                if (iso.Groups["time"].Success && Clock().Match(iso.Groups["time"].Value) is { Success: true } c)
                    (hour, minute, second) = (Int(c.Groups["h"].Value), Int(c.Groups["m"].Value), Int(c.Groups["s"].Value));
                if (iso.Groups["z"].Success && iso.Groups["z"].Value != "Z")
                    offset = ParseOffset(iso.Groups["z"].Value);
            }
            else if (Clock().Match(w) is { Success: true } c)
                (hour, minute, second) = (Int(c.Groups["h"].Value), Int(c.Groups["m"].Value), Int(c.Groups["s"].Value));
            else if (w.Length == 4 && w.All(char.IsAsciiDigit) || w.Length == 5 && w.EndsWith('年') && w[..4].All(char.IsAsciiDigit))
                year = Int(w[..4]);
            else if (w.Length is 1 or 2 && w.All(char.IsAsciiDigit) || w.EndsWith('日') && w.Length <= 3 && w[..^1].All(char.IsAsciiDigit))
                day = Int(w.TrimEnd('日'));
            else if (w.EndsWith('月') && w.Length <= 3 && w[..^1].All(char.IsAsciiDigit))
                month = Int(w[..^1]);
            else if (Offset().IsMatch(w))
                offset = ParseOffset(w);
            else if (w.Equals("PM", StringComparison.OrdinalIgnoreCase))
                pm = true;
            else if (w.Equals("AM", StringComparison.OrdinalIgnoreCase))
                am = true;
            else if (EnglishMonth(w) is { } m && !monthByName)
            {
                month = m;
                monthByName = true;
            }
            else if (!IsDateWord(w))
                return false;
            else if (!IsEnglishWeekday(w) && !w.All(char.IsAsciiLetterUpper))
                foreignWord = true;   // "Di", "mai", "火曜日": another language, whose month names are not read
        }
        if (monthByName && foreignWord)
            month = null;   // French "mar." is Tuesday, not March
        if (year is null || hour is null)
            return false;
        if (pm && hour < 12) hour += 12;
        if (am && hour == 12) hour = 0;
        if (month is { } mo && day is { } d && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year.Value, mo)
            && hour < 24 && minute < 60 && second < 61)
            time = new DateTimeOffset(year.Value, mo, d, hour.Value, minute!.Value, Math.Min(second!.Value, 59), offset);
        return true;
    }

    /// <summary>A weekday or month in any language, or a zone abbreviation: letters (and a trailing '.'), at most 12 of them.</summary>
    private static bool IsDateWord(string w) =>
        w.Length is > 0 and <= 12 && w.All(c => char.IsLetter(c));

    private static bool IsEnglishWeekday(string w) =>
        w.Length >= 3 && "monday tuesday wednesday thursday friday saturday sunday".Split(' ')
            .Any(d => d.StartsWith(w.ToLowerInvariant(), StringComparison.Ordinal));

    private static int? EnglishMonth(string w)
    {
        if (w.Length < 3 || !w.All(char.IsAsciiLetter))
            return null;
        var i = Array.IndexOf(Months, w[..3].ToLowerInvariant());
        // "Mar" is also German/French "März/mars": the same month. "Mai" (German May) is not "may": unread.
        return i >= 0 && "january february march april may june july august september october november december".Split(' ')[i].StartsWith(w.ToLowerInvariant(), StringComparison.Ordinal) ? i + 1 : null;
    }

    private static TimeSpan ParseOffset(string z)
    {
        var digits = z.Replace(":", "", StringComparison.Ordinal);
        var span = new TimeSpan(Int(digits[1..3]), Int(digits[3..5]), 0);
        return digits[0] == '-' ? -span : span;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
