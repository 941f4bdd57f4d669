using System.Collections.Immutable;

namespace TuneAdvisor.Knowledge;

/// <summary>The compiled-in default of one sysctl key across kernel versions, with where the fact comes from.</summary>
public sealed record KernelDefault(string Key, ImmutableArray<KernelDefaultEra> Eras, string Citation)
{
    /// <summary>The era that covers <paramref name="version"/>, or null when the table does not know (the key may not exist).</summary>
    public KernelDefaultEra? For(KernelVersion version) => Eras.FirstOrDefault(e => e.Covers(version));
}

/// <summary>
/// A default value valid from <see cref="Since"/> (inclusive; null = as far back as the table goes) until
/// <see cref="Until"/> (exclusive; null = still current). <see cref="Condition"/> names what else it depends on.
/// </summary>
public sealed record KernelDefaultEra(KernelVersion? Since, KernelVersion? Until, string Value, string? Condition = null)
{
    public bool Covers(KernelVersion version) =>
        (Since is not { } since || version >= since) && (Until is not { } until || version < until);

    /// <summary>"kernel default", "kernel default (≥5.4)", "kernel default (<5.4)", "kernel default (≥6.16; RAM permitting)".</summary>
    public string Source
    {
        get
        {
            var parts = new List<string>();
            if (Since is { } since)
                parts.Add($"≥{since}");
            if (Until is { } until)
                parts.Add($"<{until}");
            var range = string.Join(", ", parts);
            var detail = Condition is null ? range : range.Length == 0 ? Condition : $"{range}; {Condition}";
            return detail.Length == 0 ? "kernel default" : $"kernel default ({detail})";
        }
    }
}
