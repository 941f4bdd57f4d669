using TuneAdvisor.Formats.Commands;

namespace TuneAdvisor.Formats;

/// <summary>How to read `nstat` output, which looks the same whether it holds totals or increments.</summary>
public enum NstatMode
{
    /// <summary>Decide from the content (see <see cref="NstatParser"/>); totals when nothing tells.</summary>
    Auto,
    /// <summary>`nstat -a` (or a first run with an empty history): values since boot or netns creation.</summary>
    Absolute,
    /// <summary>Plain `nstat` with a history file: increments since the previous run.</summary>
    Delta,
}
