using TuneAdvisor.Knowledge;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions;

/// <summary>
/// What a compiled expression reads at run time: the snapshot, the current scope item, the element bound to
/// <c>it</c> inside an aggregate, and the rule's option values. Reused across items to keep evaluation allocation-free.
/// </summary>
public sealed class EvalContext
{
    public EvalContext(SystemSnapshot snapshot, IReadOnlyDictionary<string, Value> options)
    {
        Snapshot = snapshot;
        Options = options;
        Kernel = KernelVersion.TryParse(snapshot.Host.Kernel, out var v) ? v : null;
    }

    public SystemSnapshot Snapshot { get; }
    public IReadOnlyDictionary<string, Value> Options { get; }
    public KernelVersion? Kernel { get; }
    public object? Item { get; set; }
    public object? It { get; set; }
}
