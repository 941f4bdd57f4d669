
namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// The word before net-tools' timer "(secs/retries/probes)" as idiag_timer: netstat.c prints _("off (0.00/%ld/%d)"),
/// _("on (…)"), _("keepalive (…)"), _("timewait (…)"), _("probe (…)") through gettext, so the word is translated.
/// These are the translations in net-tools' po/ (ca, cs, de, et, fr, ja, ka, pt_BR, sv); a word not listed gives an
/// unknown timer. Two translations are two words ("temps d'espera", "მოლოდინის დრო").
/// </summary>
public static class NetstatTimerWords
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        // off: no timer
        ["off"] = 0, ["aus"] = 0, ["vyp"] = 0, ["aturada"] = 0, ["eikäi"] = 0, ["オフ"] = 0, ["გამორთული"] = 0, ["desligado"] = 0, ["av"] = 0,
        // on: the retransmit timer
        ["on"] = 1, ["ein"] = 1, ["zapnut"] = 1, ["el"] = 1, ["käib"] = 1, ["オン"] = 1, ["ჩართული"] = 1, ["em"] = 1, ["på"] = 1,
        ["keepalive"] = 2, ["manténiu"] = 2, ["キープアライブ"] = 2, ["ცოცხალი დატოვება"] = 2,
        ["timewait"] = 3, ["temps d'espera"] = 3, ["時間待ち"] = 3, ["მოლოდინის დრო"] = 3,
        // probe: the zero-window probe timer
        ["probe"] = 4, ["sonda"] = 4, ["プローブ"] = 4,
    };

    /// <summary>The timer of a word (or of the two words ending in it), and how many words it took; null when unknown.</summary>
    public static int? Read(string? previous, string word, out int words)
    {
        words = 1;
        if (previous is not null && Words.TryGetValue(previous + " " + word, out var two))
        {
            words = 2;
            return two;
        }
        return Words.TryGetValue(word, out var one) ? one : null;
    }
}
