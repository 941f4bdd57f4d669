using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Lookups over <see cref="NetstatStatisticsWordings"/>: (section, wording) → counter key "Section.Mib", and, for lines
/// pasted without their section header, wording → every counter key it may stand for.
/// Localisation: statistics.c marks every wording, and the "ICMP input/output histogram:" titles, for gettext; the
/// section headers ("Tcp:", "TcpExt:") are passed to _() but are not in any catalogue, so they stay English.
/// Whether a wording is printed translated depends on the release's .po files: v1.60's de, fr, pt_BR, cs and et
/// catalogues translate many of them ("%d Segmente erneut geschickt"); v2.10's catalogues had gone stale (their msgids
/// still say %d/%u, so only the histogram titles are translated, as a capture made here with net-tools 2.10-0.1+deb12u2
/// and LANG=de_DE.UTF-8 shows); the catalogues merged after v2.10 (ca, de, ka, sv…) translate them again. Translated
/// wordings are not in this table: their lines are noted as unknown wording, never matched by guess (some catalogues
/// even give two different counters the same translation).
/// </summary>
public static class NetstatStatisticsTable
{
    /// <summary>(section, wording) → counter key "Section.Mib".</summary>
    public static FrozenDictionary<(string Section, string Wording), string> Wordings => s_wordings;

    /// <summary>Wording → the distinct counter keys it maps to in any section (histogram entries included).</summary>
    public static FrozenDictionary<string, ImmutableArray<string>> AnySection => s_anySection;

    /// <summary>
    /// TcpExt counters that net-tools leaves out when they are 0 (type opt_number, or printed as "Name: value" only when
    /// non-zero) and that every kernel since 3.x has. When a TcpExt section is present and every line in it was
    /// understood, an absent one of these is 0 (the corpus: "TcpExt.ListenOverflows = 0 — no 'listen queue' line").
    /// </summary>
    public static IReadOnlyList<string> TcpExtOmittedWhenZero { get; } =
    [
        "ListenOverflows", "ListenDrops", "TCPReqQFullDrop", "TCPReqQFullDoCookies", "SyncookiesSent", "SyncookiesRecv",
        "SyncookiesFailed", "EmbryonicRsts", "TCPDeferAcceptDrop", "TCPTimeWaitOverflow", "TCPMemoryPressures",
        "TCPAbortOnMemory", "TCPAbortOnData", "TCPAbortOnClose", "TCPAbortOnTimeout", "TCPTimeouts", "TCPBacklogDrop",
        "TCPSynRetrans", "PruneCalled", "RcvPruned", "OfoPruned", "TW",
    ];

    private static readonly FrozenDictionary<(string Section, string Wording), string> s_wordings = Build();
    private static readonly FrozenDictionary<string, ImmutableArray<string>> s_anySection = BuildAnySection();

    private static FrozenDictionary<(string, string), string> Build()
    {
        var map = new Dictionary<(string, string), string>();
        foreach (var w in NetstatStatisticsWordings.All)
        {
            var counterSection = w.Section.TrimEnd('<', '>');
            map[(w.Section, w.Wording)] = $"{counterSection}.{w.Mib}";
            if (w.Section == "Tcp")
                map[("Tcp6", w.Wording)] = $"Tcp.{w.Mib}";   // netstat -s -6 prints /proc/net/snmp's Tcp under "Tcp6"
        }
        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<string, ImmutableArray<string>> BuildAnySection() =>
        NetstatStatisticsWordings.All
            .GroupBy(w => w.Wording, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(w => $"{w.Section.TrimEnd('<', '>')}.{w.Mib}").Distinct().Order(StringComparer.Ordinal).ToImmutableArray(),
                StringComparer.Ordinal);
}
