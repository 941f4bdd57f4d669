using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Captures;

/// <summary>Raw captures read and grouped per host: captures of different hosts are never merged into one snapshot.</summary>
/// <param name="Hosts">One entry per host, in the order the inputs name them.</param>
public sealed record RawCaptureSet(ImmutableArray<RawHostCapture> Hosts);

/// <summary>One host's captures, read into one snapshot.</summary>
/// <param name="Label">How the inputs name the host: a label line ("server3"), the host name, or the folder or file
/// its captures are in.</param>
/// <param name="Hostname">The host name the captures print (uname -a, kernel.hostname), when they print one.</param>
/// <param name="Files">The files (and "file [label]" blocks) this host's data came from, sorted.</param>
public sealed record RawHostCapture(string Label, string? Hostname, ImmutableArray<string> Files, SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether <paramref name="name"/> (a label or a host name, case-insensitive) names this host.</summary>
    public bool IsNamed(string name) =>
        string.Equals(Label, name, StringComparison.OrdinalIgnoreCase) || string.Equals(Hostname, name, StringComparison.OrdinalIgnoreCase);
}
