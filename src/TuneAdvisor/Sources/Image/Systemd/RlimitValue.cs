using System.Globalization;

namespace TuneAdvisor.Sources.Image.Systemd;

/// <summary>
/// systemd's resource-limit syntax (systemd.exec(5), LimitNOFILE=): "soft:hard", or a single value for both;
/// each side a number or "infinity". Infinity is returned as <see cref="long.MaxValue"/>.
/// </summary>
public static class RlimitValue
{
    public const long Infinity = long.MaxValue;

    public static bool TryParse(string text, out long soft, out long hard)
    {
        soft = hard = 0;
        var parts = text.Trim().Split(':');
        if (parts.Length is < 1 or > 2)
            return false;
        if (!TryParseOne(parts[0], out soft))
            return false;
        if (parts.Length == 1)
        {
            hard = soft;
            return true;
        }
        return TryParseOne(parts[1], out hard) && soft <= hard;
    }

    /// <summary>"1024", "infinity".</summary>
    public static string Format(long value) => value == Infinity ? "infinity" : value.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseOne(string text, out long value)
    {
        text = text.Trim();
        if (text == "infinity")
        {
            value = Infinity;
            return true;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
