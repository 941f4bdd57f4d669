using TuneAdvisor.Knowledge;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// What a compiled expression reads at run time: the snapshot, the current scope item, the element bound to
/// <c>it</c> inside an aggregate, and the rule's option values. Reused across items to keep evaluation allocation-free.
/// The options dictionary must not change once evaluation has started: compiled conditions remember what they read from it.
/// </summary>
public sealed class EvalContext
{
    private readonly object?[] _single = new object?[1];
    private object?[] _items;
    private int _index;

    public EvalContext(SystemSnapshot snapshot, IReadOnlyDictionary<string, Value> options)
    {
        Snapshot = snapshot;
        Options = options;
        Kernel = KernelVersion.TryParse(snapshot.Host.Kernel, out var v) ? v : null;
        _items = _single;
    }

    public SystemSnapshot Snapshot { get; }
    public IReadOnlyDictionary<string, Value> Options { get; }
    public KernelVersion? Kernel { get; }

    /// <summary>The current scope item: <c>items[Index]</c> of the batch given to <see cref="SetItems"/>, or the one set here.</summary>
    public object? Item
    {
        get => _items[_index];
        set
        {
            _single[0] = value;
            _items = _single;
            _index = 0;
        }
    }

    /// <summary>
    /// Evaluates over a batch of items: set <see cref="Index"/> to move to the next one. Moving stores an integer,
    /// where setting <see cref="Item"/> stores a reference into the heap, which costs a GC write barrier: for a simple
    /// condition over 100 000 connections the barrier took about a third as long as the condition itself.
    /// The array is only read.
    /// </summary>
    public void SetItems(object?[] items)
    {
        _items = items;
        _index = 0;
    }

    /// <summary>The position of <see cref="Item"/> in the batch given to <see cref="SetItems"/>.</summary>
    public int Index
    {
        get => _index;
        set => _index = value;
    }

    public object? It { get; set; }
}
