using System.Runtime.InteropServices;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Snapshots;
using static TuneAdvisor.Expressions.Schema.Members;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>
/// A process and the TCP connections (non-listening sockets) it holds, or the one group of connections no process is
/// known for: the source names no holder (ss or netstat without -p, a collector not run as root), or no process
/// holds them (TIME-WAIT and SYN-RECV request sockets never have one). A connection held by several processes (a
/// descriptor inherited across fork) counts for each of them.
/// <para>
/// Only complete rows are counted. The holders are the last column ss and netstat print, so a row cut in the paste
/// may have lost some or all of them: it is counted in no group, and every group's count of the states the cut row may
/// be in becomes a range (N to N + cut rows). A complete row whose state the source did not print (UNKNOWN) widens
/// its own group's counts of every state the same way.
/// </para>
/// </summary>
public sealed record OwnerItem(int? Pid, string? Name)
{
    internal const string UnknownProcess = "processes the source does not name";

    public bool Known => Pid is not null;

    /// <summary>"python3(4242)", or <see cref="UnknownProcess"/> for the group without one.</summary>
    public string Process => Known ? $"{Name}({Pid})" : UnknownProcess;

    /// <summary>Complete rows held by this owner.</summary>
    public StateCounts Rows { get; init; }

    /// <summary>Rows of the snapshot cut in the paste: counted in no group.</summary>
    public StateCounts CutRows { get; init; }

    /// <summary>"owner python3": the command name, not the pid (which changes with every restart); several processes of one name are numbered.</summary>
    public string Subject => Known ? $"owner {Name}" : "owner (process unknown)";
}

/// <summary>TCP rows by the states the owner scope reads; <see cref="NoState"/> counts rows whose state the source did not print.</summary>
public struct StateCounts
{
    public int Total;
    public int Established;
    public int CloseWait;
    public int LastAck;
    public int NoState;

    /// <summary>The count of a state (ss spelling), or of all rows when <paramref name="state"/> is null.</summary>
    public readonly int Of(string? state) => state switch
    {
        null => Total,
        "ESTAB" => Established,
        "CLOSE-WAIT" => CloseWait,
        "LAST-ACK" => LastAck,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a state the owner scope counts"),
    };

    public void Add(string state)
    {
        Total++;
        switch (state)
        {
            case "ESTAB": Established++; break;
            case "CLOSE-WAIT": CloseWait++; break;
            case "LAST-ACK": LastAck++; break;
            default:
                if (state.StartsWith("UNKNOWN", StringComparison.Ordinal))
                    NoState++;
                break;
        }
    }
}

/// <summary>Builds the owner items of a snapshot once (they are read by every rule over the scope and by <c>owners</c>).</summary>
internal static class OwnerItems
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SystemSnapshot, object[]> Cache = new();

    public static IReadOnlyList<object> Of(SystemSnapshot snapshot) => Cache.GetValue(snapshot, Build);

    private static object[] Build(SystemSnapshot snapshot)
    {
        var groups = new Dictionary<(int Pid, string Name), StateCounts>();
        StateCounts unknown = default, cut = default;
        foreach (var c in snapshot.Connections)
        {
            if (c.Protocol != "tcp")
                continue;
            if (c.Truncated == true)
            {
                cut.Add(c.State);
                continue;
            }
            var holders = c.Processes;
            if (holders.IsDefaultOrEmpty)
            {
                unknown.Add(c.State);
                continue;
            }
            for (int i = 0; i < holders.Length; i++)
            {
                var key = (holders[i].Pid, holders[i].Name);
                bool again = false;   // one process holding the socket through two fds counts once
                for (int j = 0; j < i && !again; j++)
                    again = holders[j].Pid == key.Pid && holders[j].Name == key.Name;
                if (!again)
                    CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _).Add(c.State);
            }
        }
        var keys = groups.Keys.ToArray();
        Array.Sort(keys, static (a, b) => a.Pid != b.Pid ? a.Pid.CompareTo(b.Pid) : string.CompareOrdinal(a.Name, b.Name));
        var items = new List<object>(keys.Length + 1);
        foreach (var key in keys)
            items.Add(new OwnerItem(key.Pid, key.Name) { Rows = groups[key], CutRows = cut });
        if (unknown.Total > 0)
            items.Add(new OwnerItem(null, null) { Rows = unknown, CutRows = cut });
        return [.. items];
    }
}

public static partial class ItemTypes
{
    public static readonly ItemType Owner = Item("owner",
        Num<OwnerItem>("pid", ExprType.Integer, "the process id (unknown for the group of connections no process is known for)", o => o.Pid,
            o => "no process is known for these connections"),
        Str<OwnerItem>("name", "the command name (comm; unknown for the group without a process)", o => o.Name, "no process is known for these connections"),
        Str<OwnerItem>("process", "\"python3(4242)\", or \"" + OwnerItem.UnknownProcess + "\" for the group without one", o => o.Process),
        Bool<OwnerItem>("known", "false for the one group of connections whose process the source does not name (never unknown)", o => o.Known),
        StateCount("connections", null, "TCP connections (non-listening sockets) it holds, in any state"),
        StateCount("established", "ESTAB", "of them in ESTAB"),
        StateCount("close_wait", "CLOSE-WAIT", "of them in CLOSE-WAIT: the peer has closed, this process has not called close()"),
        StateCount("last_ack", "LAST-ACK", "of them in LAST-ACK: closed after CLOSE-WAIT, waiting for the peer's last ACK"));

    /// <summary>A count of complete rows; a range when cut rows, or rows without a state, may add to it.</summary>
    private static MemberDefinition StateCount(string name, string? state, string description) =>
        Ranged<OwnerItem>(name, ExprType.Integer, description + "; complete rows only, a range when rows cut in the paste may be in it too",
            o => o.Rows.Of(state), o => o.Rows.Of(state) + Uncertain(o, state), o => UncertainWhy(o, name, state));

    /// <summary>
    /// How many more rows than the count may be in <paramref name="state"/> and this owner's: the cut rows in that state
    /// or without one, and the owner's own rows without a state. For all connections (null) only the cut rows.
    /// </summary>
    private static int Uncertain(OwnerItem o, string? state) =>
        state is null ? o.CutRows.Total : o.CutRows.Of(state) + o.CutRows.NoState + o.Rows.NoState;

    private static string UncertainWhy(OwnerItem o, string member, string? state)
    {
        int exact = o.Rows.Of(state);
        int cut = state is null ? o.CutRows.Total : o.CutRows.Of(state) + o.CutRows.NoState;
        var parts = new List<string>(2);
        if (cut > 0)
            parts.Add($"{cut} row(s) cut in the paste{(state is null ? "" : $" ({state} or no state)")} are counted in no group and may be this one's");
        if (o.Rows.NoState > 0 && state is not null)
            parts.Add($"{o.Rows.NoState} of its row(s) have no state (the source did not print one)");
        return $"{member} of {o.Process} is {exact} to {exact + Uncertain(o, state)}: {string.Join("; ", parts)}";
    }
}
