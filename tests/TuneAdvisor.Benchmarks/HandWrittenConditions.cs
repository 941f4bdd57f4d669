using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Benchmarks;

/// <summary>
/// The conditions of <see cref="ConnectionRules"/> as plain C# lambdas: <c>null</c> is unknown, and <c>&amp;</c> on
/// <c>bool?</c> is the same three-valued "and" as the rule language (false and unknown = false). Values are converted
/// to the rule language's base units (seconds, fractions) with the same arithmetic, so the results are identical.
/// </summary>
public static class HandWrittenConditions
{
    private const double Micro = 1e-6;
    private const double Fill = 50 * 0.01;
    private const double MaxRtt = 100 * 1e-3;
    private const double MiB = 1024 * 1024;
    private const double OnePercent = 1 * 0.01;

    public static readonly Func<ConnectionInfo, bool?>[] All =
    [
        c => (c.State == "ESTAB") & (c.RecvQ is { } q && c.Memory is { } m ? q >= Fill * m.RcvBuf : null),
        c => (c.Info?.RcvWnd is { } w ? w == 0 : null) & (c.RecvQ is { } q ? q > 0 : null),
        c => c.Info is { } i ? i.Rtt * Micro > MaxRtt : null,
        c => c.Info is { } i ? i.TotalRetrans > 10 : null,
        c => c.Info?.NotsentBytes is { } n ? n > MiB : null,
        c => c.Timer is { } t ? t == 4 : null,
        c => (c.State is "CLOSE-WAIT" or "FIN-WAIT-1" or "LAST-ACK") & (c.SendQ is { } q ? q > 0 : null),
        c => (c.Info?.BytesSent is { } sent ? sent > 0 : null)
             & (c.Info?.BytesRetrans is { } re && c.Info.BytesSent is { } s && s != 0 ? (double)re / s > OnePercent : null),
        c => (c.Info?.MinRtt is { } min ? min * Micro > 0 : null)
             & (c.Info is { MinRtt: { } m } i ? i.Rtt * Micro > 4 * (m * Micro) : null),
        c => (c.State == "ESTAB") & (c.Info is { } i ? i.SndCwnd < 10 : null) & (c.Info is { } j ? j.Retransmits > 0 : null),
    ];
}
