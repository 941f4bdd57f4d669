using System.Collections.Immutable;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Drift;

/// <summary>
/// Listeners that appeared, disappeared or changed their backlog. A listener is who it is by protocol, local address
/// and port, and its place in a SO_REUSEPORT group: the listener scope's subject, numbered as
/// <see cref="SubjectNamer"/> numbers it, so its changes read like its findings. A lone listener is member 1 of its
/// group: when a second socket joins, "listener tcp 0.0.0.0:443" stays and "listener tcp 0.0.0.0:443 #2" appears.
/// The backlog is compared when both sides know it; queue fill, drops and the owning pids are volatile (--all).
/// </summary>
public static class ListenerDiffer
{
    public static ImmutableArray<ListenerChange> Compare(SystemSnapshot before, SystemSnapshot after)
    {
        var a = Members(before);
        var b = Members(after);
        var changes = new List<(MemberKey Key, ListenerChange Change)>();
        foreach (var key in a.Keys.Union(b.Keys))
        {
            var inA = a.TryGetValue(key, out var x);
            var inB = b.TryGetValue(key, out var y);
            if (!inA)
                changes.Add((key, new ListenerChange(y.Name, ChangeKind.Added, null, y.Listener)));
            else if (!inB)
                changes.Add((key, new ListenerChange(x.Name, ChangeKind.Removed, x.Listener, null)));
            else if (ListenerChange.Backlog(x.Listener) is { } was && ListenerChange.Backlog(y.Listener) is { } now && was != now)
                changes.Add((key, new ListenerChange(y.Name, ChangeKind.Changed, x.Listener, y.Listener)));
        }
        return [.. changes.OrderBy(c => c.Key.Subject, StringComparer.Ordinal).ThenBy(c => c.Key.Member).Select(c => c.Change)];
    }

    /// <summary>The listener scope's subject without the #n, and the 1-based place among the listeners sharing it.</summary>
    public readonly record struct MemberKey(string Subject, int Member);

    /// <summary>Each listener by its key, with the name findings give it.</summary>
    public static Dictionary<MemberKey, (string Name, ListenerInfo Listener)> Members(SystemSnapshot snapshot)
    {
        var listeners = snapshot.Listeners;
        var items = listeners.CastArray<object>();
        var names = SubjectNamer.Name(Scopes.Listener, snapshot, items);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new Dictionary<MemberKey, (string, ListenerInfo)>();
        for (int i = 0; i < listeners.Length; i++)
        {
            var subject = Scopes.Listener.Subject(snapshot, listeners[i]);
            int member = seen[subject] = seen.GetValueOrDefault(subject) + 1;
            members[new MemberKey(subject, member)] = (names[i], listeners[i]);
        }
        return members;
    }
}
