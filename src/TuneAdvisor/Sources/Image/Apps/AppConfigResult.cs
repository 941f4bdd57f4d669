using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Image.Apps;

/// <summary>What one application's configuration reader found: listen backlogs, the files read, and the problems.</summary>
public sealed record AppConfigResult(ImmutableArray<AppListenConfig> Configs, ImmutableArray<string> Files, ImmutableArray<Diagnostic> Diagnostics)
{
    public static AppConfigResult Empty { get; } = new([], [], []);
}
