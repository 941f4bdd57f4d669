using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>
/// The mutable accumulator for one sample of a host (or one offline source). Collectors and input
/// parsers add to it; <see cref="SnapshotAssembler"/> turns one or two of them into a <see cref="SystemSnapshot"/>.
/// Later writes of the same key win, so callers add lower-priority sources first.
/// </summary>
public sealed class SampleBuilder
{
    public SampleBuilder(DateTimeOffset takenAt) => TakenAt = takenAt;

    public DateTimeOffset TakenAt { get; set; }
    public HostInfo Host { get; set; } = new();
    public Dictionary<string, SysctlEntry> Sysctls { get; } = new(StringComparer.Ordinal);
    public List<ListenerInfo> Listeners { get; } = new();
    public List<ConnectionInfo> Connections { get; } = new();
    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
    /// <summary>Counters that are already deltas (e.g. plain `nstat` output); they go to <see cref="SystemSnapshot.Deltas"/>.</summary>
    public Dictionary<string, long> CounterDeltas { get; } = new(StringComparer.Ordinal);
    public double? DeltaIntervalSeconds { get; set; }
    public Dictionary<string, long> Gauges { get; } = new(StringComparer.Ordinal);
    public List<InterfaceInfo> Interfaces { get; } = new();
    public List<SoftnetCpu> Softnet { get; } = new();
    /// <summary>NET_RX/NET_TX per CPU from /proc/softirqs; joined onto <see cref="Softnet"/> by CPU id when the snapshot is assembled.</summary>
    public List<SoftirqCounts> Softirqs { get; } = new();
    public Dictionary<int, ProcessInfo> Processes { get; } = new();
    public List<AppListenConfig> AppConfigs { get; } = new();
    public List<ConfiguredLimit> Limits { get; } = new();
    public HashSet<SnapshotCapability> Capabilities { get; } = new();
    public SortedSet<string> Inputs { get; } = new(StringComparer.Ordinal);
    /// <summary>
    /// The notes so far. Line notes of one id and file past <see cref="LineDiagnosticLimit.PerFile"/> are only
    /// counted (see <see cref="Note(Diagnostic)"/>); reading this list brings their summary notes up to date.
    /// </summary>
    public List<SnapshotNote> Notes
    {
        get
        {
            UpdateLineNoteSummaries();
            return _notes;
        }
    }

    private readonly List<SnapshotNote> _notes = new();

    /// <summary>Per (id, file): how many line notes came, the first, and the summary note standing for those past the limit.</summary>
    private Dictionary<(string Id, string Path), LineNotes>? _lineNotes;

    private sealed class LineNotes(Diagnostic first)
    {
        public Diagnostic First { get; } = first;
        public int Count { get; set; }
        public int Summarized { get; set; }
        public SnapshotNote? Summary { get; set; }
    }
    /// <summary>TCP connections destroyed during the window (on the last sample of a live collection); null when not listened for.</summary>
    public TcpDestroyCapture? Destroyed { get; set; }

    public void Note(DiagnosticDescriptor descriptor, string? location, string message) =>
        _notes.Add(new SnapshotNote(descriptor.Id, descriptor.DefaultSeverity.ToName(), message, location));

    /// <summary>Adds a note; a line note past <see cref="LineDiagnosticLimit.PerFile"/> of its id and file is counted, not kept.</summary>
    public void Note(Diagnostic diagnostic)
    {
        if (LineDiagnosticLimit.AppliesTo(diagnostic))
        {
            var key = (diagnostic.Id, diagnostic.Span.Path);
            _lineNotes ??= new();
            if (!_lineNotes.TryGetValue(key, out var seen))
                _lineNotes[key] = seen = new LineNotes(diagnostic);
            if (++seen.Count > LineDiagnosticLimit.PerFile)
                return;
        }
        _notes.Add(ToNote(diagnostic));
    }

    /// <summary>Forgets the notes and their counts (a part whose notes are rewritten, say errors made warnings).</summary>
    public void ClearNotes()
    {
        _notes.Clear();
        _lineNotes = null;
    }

    private static SnapshotNote ToNote(Diagnostic diagnostic) =>
        new(diagnostic.Id, diagnostic.Severity.ToName(), diagnostic.Message, diagnostic.Span.Path.Length == 0 ? null : diagnostic.Span.ToString());

    private void UpdateLineNoteSummaries()
    {
        if (_lineNotes is null)
            return;
        foreach (var seen in _lineNotes.Values)
        {
            if (seen.Count <= LineDiagnosticLimit.PerFile || seen.Summarized == seen.Count)
                continue;
            var summary = ToNote(LineDiagnosticLimit.Summary(seen.First, seen.Count));
            int at = seen.Summary is null ? -1 : _notes.IndexOf(seen.Summary);
            if (at >= 0)
                _notes[at] = summary;
            else
                _notes.Add(summary);
            (seen.Summary, seen.Summarized) = (summary, seen.Count);
        }
    }

    /// <summary>Where each counter (or its increment) was read: the file, or the capture it came from.</summary>
    public Dictionary<string, string> CounterSources { get; } = new(StringComparer.Ordinal);

    public void SetCounter(string key, long value, string source)
    {
        Counters[key] = value;
        CounterSources[key] = source;
    }

    public void SetSysctl(string key, string value, string source) => Sysctls[key] = new SysctlEntry(value, source);

    public ImmutableArray<SnapshotNote> SortedNotes() =>
        Notes.Distinct()
            .OrderBy(n => n.Location ?? "", StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ThenBy(n => n.Message, StringComparer.Ordinal)
            .ToImmutableArray();
}
